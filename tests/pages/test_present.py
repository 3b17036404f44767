"""Presentation mode opened as links: deck and slide from the URL, buttons move, bad links fall
back with a notice; the copy-link control shows the view's full link.

`at.run()` comes before `at.switch_page(...)` (AppTest's advice). Note: in this app AppTest still
runs a switched-to page without the entry file around it, so the notices and the share control are
checked on the default page here and on every page in tests/browser/test_present.py."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.pages.apptest import ENTRY, texts

DECK = json.loads(
    (Path(__file__).resolve().parents[2] / "data" / "decks" / "race-2026.json").read_text()
)
N = len(DECK["slides"])


def open_view(page: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    if page is not None:
        at.run()
        at.switch_page(f"app_pages/{page}.py")
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def frame_src(at: AppTest) -> str:
    frames = at.get("iframe")
    assert len(frames) == 1
    return frames[0].proto.src


def test_default_deck_opens_at_its_first_slide():
    at = open_view("present")
    assert at.selectbox(key="deck").value == "race-2026"
    assert at.selectbox(key="slide").value == "1"
    body = texts(at).replace("\\", "")  # data text is shown escaped for Markdown
    assert f"1 / {N}" in body
    assert DECK["slides"][0]["title"] in body and DECK["slides"][0]["note"] in body
    assert frame_src(at) == "/?cycle=2026&embed=true"
    assert at.button(key="present_prev").disabled


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


def test_copy_link_shows_the_views_parameters(package):
    at = open_view(None, cycle="2016")
    codes = [c.value for c in at.code]
    assert "/?cycle=2016" in codes
    n = package["candidacies"].filter(package["candidacies"]["cycle"] == 2016).height
    assert f"{n} candidacies in the 2016 selection cycle" in texts(at)
