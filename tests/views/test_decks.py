"""Decks: the shipped deck is valid and points at real views; slides are checked, links built and
decks written atomically with a changelog line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from components.registry import url_paths
from views import decks as view

REPO = Path(__file__).resolve().parents[2]
DECKS = REPO / "data" / "decks"
PAGES = url_paths()


def test_pages_list_is_read_from_the_entry_file():
    assert {"overview", "compare", "candidate", "present"} <= set(PAGES)


def test_every_shipped_deck_is_valid_and_every_slide_is_on_a_registered_page():
    decks, problems = view.load_decks(DECKS, PAGES)
    assert problems == {}
    assert decks, "no deck shipped"
    for deck in decks:
        assert all(slide.page in PAGES for slide in deck.slides)


def test_race_2026_deck_walks_through_the_2026_candidacies(package):
    decks, _ = view.load_decks(DECKS, PAGES)
    deck = {d.id: d for d in decks}["race-2026"]
    assert deck.title == "The 2026 race on the eight priorities"
    candidacies = package["candidacies"].filter(package["candidacies"]["cycle"] == 2026)
    profiled = [s.params["candidate"][0] for s in deck.slides if s.page == "candidate"]
    assert sorted(profiled) == sorted(candidacies["person_id"].to_list())
    assert all(s.params.get("cycle") == ["2026"] for s in deck.slides if s.page == "candidate")
    assert deck.slides[0].page == "overview"
    assert all(s.title and len(s.note) <= view.MAX_NOTE for s in deck.slides)


def test_slide_link_repeats_multi_values_and_encodes():
    slide = view.Slide("compare", {"cycle": ["2026"], "candidate": ["a-b", "c d"]}, "T")
    assert view.slide_link(slide) == "/compare?cycle=2026&candidate=a-b&candidate=c+d"
    assert view.slide_link(view.Slide("data", {}, "T")) == "/data"
    assert view.slide_link(view.Slide("overview", {"cycle": ["2016"]}, "T")) == "/?cycle=2016"


@pytest.mark.parametrize(
    ("title", "note", "key"),
    [
        ("", "", "present.err_title_required"),
        ("   ", "", "present.err_title_required"),
        ("x" * (view.MAX_TITLE + 1), "", "present.err_title_long"),
        ("ok", "n" * (view.MAX_NOTE + 1), "present.err_note_long"),
    ],
)
def test_bad_slide_input_is_refused_with_a_reason(title, note, key):
    slide, problems = view.check_slide("overview", {}, title, note, PAGES)
    assert slide is None
    assert key in [p.key for p in problems]


def test_slide_on_unknown_page_or_with_bad_params_is_refused():
    _, problems = view.check_slide("nowhere", {}, "t", "", PAGES)
    assert [p.key for p in problems] == ["present.err_page_unknown"]
    _, problems = view.check_slide("overview", {"cycle": 2026}, "t", "", PAGES)
    assert [p.key for p in problems] == ["present.err_param"]
    _, problems = view.check_slide("overview", {"embed": "true"}, "t", "", PAGES)
    assert [p.key for p in problems] == ["present.err_param"]


def test_deck_drops_slides_on_missing_pages_and_says_so():
    data = {
        "id": "d",
        "title": "D",
        "slides": [
            {"page": "overview", "params": {"cycle": "2016"}, "title": "one"},
            {"page": "gone", "title": "two"},
        ],
    }
    deck, problems = view.parse_deck(data, PAGES)
    assert [s.title for s in deck.slides] == ["one"]
    assert [p.key for p in problems] == ["present.err_page_unknown"]


def test_unreadable_deck_files_are_reported_not_raised(tmp_path):
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "other.json").write_text(json.dumps({"id": "x", "title": "X", "slides": []}))
    decks, problems = view.load_decks(tmp_path, PAGES)
    assert decks == []
    assert set(problems) == {"broken.json", "other.json"}


def test_add_slide_to_a_new_then_an_existing_deck(tmp_path):
    folder = tmp_path / "decks"
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Data changelog\n\nIntro.\n\n## 2026-01-01 — older\n\n- old\n")
    slide, _ = view.check_slide("compare", {"cycle": ["2016"]}, "Two candidates", "note", PAGES)
    deck, problems = view.add_slide(
        folder, slide, new_title="My talk, Geneva", today=date(2026, 11, 27), changelog=changelog
    )
    assert problems == [] and deck.id == "my-talk-geneva"
    stored = json.loads((folder / "my-talk-geneva.json").read_text())
    assert stored["slides"][0] == {
        "page": "compare", "params": {"cycle": "2016"}, "title": "Two candidates", "note": "note"
    }  # fmt: skip
    second, _ = view.check_slide("overview", {}, "Overview", "", PAGES)
    deck, problems = view.add_slide(
        folder, second, deck_id="my-talk-geneva", today=date(2026, 11, 28), changelog=changelog
    )
    assert [s.title for s in deck.slides] == ["Two candidates", "Overview"]
    reloaded, problems = view.load_decks(folder, PAGES)
    assert problems == {} and reloaded[0] == deck
    log = changelog.read_text()
    # Newest first, after the intro; the older entry is kept.
    assert log.index("2026-11-28") < log.index("2026-11-27") < log.index("2026-01-01")
    assert "`/compare?cycle=2016`" in log and "Intro." in log
    assert not list(folder.glob("*.tmp")), "a temporary file was left behind"


def test_add_slide_refuses_bad_targets_and_writes_nothing(tmp_path):
    slide, _ = view.check_slide("overview", {}, "O", "", PAGES)
    today = date(2026, 11, 27)
    assert view.add_slide(tmp_path, slide, deck_id="nope", today=today)[1][0].key == (
        "present.err_deck_unknown"
    )
    assert view.add_slide(tmp_path, slide, deck_id="../x", today=today)[0] is None
    assert view.add_slide(tmp_path, slide, new_title="  ", today=today)[1][0].key == (
        "present.err_deck_title_required"
    )
    view.add_slide(tmp_path, slide, new_title="Talk", today=today)
    assert view.add_slide(tmp_path, slide, new_title="talk!", today=today)[1][0].key == (
        "present.err_deck_exists"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["talk.json"]
