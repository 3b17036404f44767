"""Presentation mode opened as links: deck and slide from the URL, buttons move, bad links fall
back with a notice; the copy-link control shows the view's full link.

`at.run()` comes before `at.switch_page(...)` (AppTest's advice). Note: in this app AppTest still
runs a switched-to page without the entry file around it, so the notices and the share control are
checked on the default page here and on every page in tests/browser/test_present.py."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from components.present import MAX_FRAMES, PRELOAD_AHEAD, PRELOAD_BEHIND, loaded_frames
from components.share import SHARE_OPEN
from tests.pages.apptest import ENTRY, texts
from views.registry import page_file

DATA = Path(__file__).resolve().parents[2] / "data"
DECK = json.loads((DATA / "decks" / "race-2026.json").read_text())
N = len(DECK["slides"])


def open_view(page: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    if page is not None:
        at.run()
        at.switch_page(page_file(page))
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_share(at: AppTest) -> AppTest:
    """Open the copy-link popover (as a click does: its state set, then a rerun)."""
    at.session_state[SHARE_OPEN] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def frames(at: AppTest) -> dict[int, str]:
    """{slide number: frame src} of the frames the page holds."""
    return {
        int(f.proto.alt.removeprefix("Slide ").split(":")[0]): f.proto.src for f in at.get("iframe")
    }


def frame_src(at: AppTest) -> str:
    """The src of the current slide's frame (the slide shown in the counter)."""
    n = int(at.selectbox(key="slide").value)
    return frames(at)[n]


def test_default_deck_opens_at_its_first_slide():
    at = open_view("present")
    assert at.selectbox(key="deck").value == "race-2026"
    assert at.selectbox(key="slide").value == "1"
    body = texts(at).replace("\\", "")  # data text is shown escaped for Markdown
    assert f"1 / {N}" in body
    assert DECK["slides"][0]["title"] in body and DECK["slides"][0]["note"] in body
    assert frame_src(at) == "/?cycle=2026&embed=true"
    assert at.button(key="present_prev").disabled
    # Every slide's frame is loaded from the start (a step shows a frame already drawn).
    assert sorted(frames(at)) == list(range(1, N + 1))


def test_link_to_a_slide_shows_that_slide_and_next_moves_on():
    at = open_view("present", deck="race-2026", slide="2")
    assert f"2 / {N}" in texts(at)
    assert frame_src(at).startswith("/compare?cycle=2026&candidate=michelle-bachelet&candidate=")
    at.button(key="present_next").click().run()
    assert at.query_params.get("slide") in ("3", ["3"])
    assert f"3 / {N}" in texts(at)
    assert "candidate=michelle-bachelet" in frame_src(at) and frame_src(at).startswith(
        "/candidate?"
    )
    at.button(key="present_prev").click().run()
    at.button(key="present_prev").click().run()
    assert "slide" not in at.query_params  # slide 1 is the default and stays out of the URL


def test_last_slide_disables_next():
    at = open_view("present", slide=str(N))
    assert at.button(key="present_next").disabled
    assert frame_src(at) == "/record?person=antonio-guterres&embed=true"


def test_bad_deck_and_slide_fall_back_with_notices():
    at = open_view("present", deck="nope", slide="99")
    assert at.selectbox(key="deck").value == "race-2026"
    assert at.selectbox(key="slide").value == "1"
    assert "slide" not in at.query_params and "deck" not in at.query_params
    # The notices themselves are drawn by the entry file; see tests/browser/test_present.py.


def test_no_readable_deck_says_how_to_make_one(tmp_path, monkeypatch):
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    monkeypatch.setenv("TRACKER_DECKS_DIR", str(tmp_path))
    at = open_view("present")
    assert "data/decks/" in texts(at)
    assert any("broken.json" in str(w.value).replace("\\", "") for w in at.warning)
    assert at.file_uploader(key="present_upload")  # a deck file can still be presented


def test_copy_link_shows_the_views_parameters(package):
    at = open_view(None, cycle="2016")
    assert not at.code, "the popover's contents are built only once it is opened"
    codes = [c.value for c in open_share(at).code]
    assert "/?cycle=2016" in codes
    n = package["candidacies"].filter(package["candidacies"]["cycle"] == 2016).height
    assert f"{n} candidacies in the 2016 selection cycle" in texts(at)


# --- a visitor's own deck: built in the session, downloaded, uploaded; nothing written ---------


def data_snapshot() -> dict[str, str]:
    """Every file under data/ (decks and CHANGELOG.md included) with a hash of its bytes."""
    return {
        str(p.relative_to(DATA)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(DATA.rglob("*"))
        if p.is_file()
    }


def add_view(at: AppTest, slide_title: str, deck_title: str | None = None) -> AppTest:
    """Fill and submit the copy-link control's "Add this view to my deck" form."""
    open_share(at)
    if deck_title is not None:
        at.text_input(key="share_deck_new_title").input(deck_title)
    at.text_input(key="share_slide_title").input(slide_title)
    next(b for b in at.button if b.label == "Add to deck").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_anonymous_visitor_adding_a_view_writes_nothing_on_the_server():
    before = data_snapshot()
    at = add_view(open_view(None, cycle="2016"), "The 2016 field", "Anon wrote this")
    assert not at.error
    assert "Added as slide 1" in " ".join(str(s.value) for s in at.success)
    at = add_view(at, "Again")
    assert data_snapshot() == before  # no deck file, no CHANGELOG line
    assert [d.label for d in at.get("download_button")] == ["Download my deck (2 slides, JSON)"]


def test_own_deck_is_downloaded_then_uploaded_and_presented(monkeypatch):
    served: list[tuple[bytes, str | None]] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        if kind.name == "DOWNLOADABLE" and isinstance(path_or_data, bytes):
            served.append((path_or_data, filename))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    before = data_snapshot()
    at = add_view(open_view(None, cycle="2016"), "The 2016 field", "Geneva side event")
    at = add_view(at, "Still 2016")
    file_bytes, file_name = served[-1]
    assert file_name == "geneva-side-event.json"
    assert [s["title"] for s in json.loads(file_bytes)["slides"]] == [
        "The 2016 field",
        "Still 2016",
    ]

    # Another visitor (a new session) uploads the file on /present and presents it.
    other = open_view("present")
    other.file_uploader(key="present_upload").set_value((file_name, file_bytes, "application/json"))
    other.run()
    assert not other.exception, [e.value for e in other.exception]
    assert other.selectbox(key="deck").value == "geneva-side-event"
    assert "1 / 2" in texts(other)
    assert frame_src(other) == "/?cycle=2016&embed=true"
    other.button(key="present_next").click().run()
    assert "2 / 2" in texts(other)
    assert data_snapshot() == before


def test_bad_or_oversized_upload_is_refused_with_a_reason():
    at = open_view("present")
    at.file_uploader(key="present_upload").set_value(("x.json", b"{nope", "application/json"))
    at.run()
    assert any("not valid JSON" in str(w.value) for w in at.warning)
    assert at.selectbox(key="deck").value == "race-2026"
    big = b" " * (70 * 1024) + b"{}"
    at.file_uploader(key="present_upload").set_value(("big.json", big, "application/json"))
    at.run()
    assert any("larger than 64 KB" in str(w.value) for w in at.warning)


def test_a_long_deck_keeps_frames_loaded_around_the_current_slide_only():
    assert list(loaded_frames(MAX_FRAMES, 1)) == list(range(1, MAX_FRAMES + 1))
    total = MAX_FRAMES + 10
    assert list(loaded_frames(total, 1)) == list(range(1, 2 + PRELOAD_AHEAD))
    assert list(loaded_frames(total, 12)) == list(
        range(12 - PRELOAD_BEHIND, 12 + PRELOAD_AHEAD + 1)
    )
    assert list(loaded_frames(total, total))[-1] == total
