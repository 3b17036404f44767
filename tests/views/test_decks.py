"""Decks: the shipped deck is valid and points at real views; slides are checked, links built; a
visitor's own deck is a value that round-trips through its downloaded file."""

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


def test_add_slide_builds_a_deck_value_that_round_trips_through_its_file():
    slide, _ = view.check_slide("compare", {"cycle": ["2016"]}, "Two candidates", "note", PAGES)
    deck, problems = view.add_slide(
        None, slide, new_title="My talk, Geneva", taken={"race-2026"}, today=date(2026, 11, 27)
    )
    assert problems == [] and deck.id == "my-talk-geneva" and deck.created == "2026-11-27"
    second, _ = view.check_slide("overview", {}, "Overview", "", PAGES)
    deck, problems = view.add_slide(deck, second, today=date(2026, 11, 28))
    assert [s.title for s in deck.slides] == ["Two candidates", "Overview"]
    stored = json.loads(view.deck_json(deck))
    assert stored["slides"][0] == {
        "page": "compare", "params": {"cycle": "2016"}, "title": "Two candidates", "note": "note"
    }  # fmt: skip
    again, problems = view.read_upload(view.deck_json(deck), PAGES)
    assert problems == [] and again == deck


def test_add_slide_refuses_a_missing_title_and_a_full_deck():
    slide, _ = view.check_slide("overview", {}, "O", "", PAGES)
    today = date(2026, 11, 27)
    assert view.add_slide(None, slide, new_title="  ", today=today)[1][0].key == (
        "present.err_deck_title_required"
    )
    full = view.Deck("d", "D", "", "", "", (slide,) * view.MAX_SLIDES)
    assert view.add_slide(full, slide, today=today) == (
        None, [view.Problem("present.err_deck_full", {"max": view.MAX_SLIDES})]
    )  # fmt: skip


def test_a_new_or_uploaded_deck_never_takes_a_shipped_decks_id():
    slide, _ = view.check_slide("overview", {}, "O", "", PAGES)
    deck, _ = view.add_slide(
        None, slide, new_title="Race 2026", taken={"race-2026"}, today=date(2026, 11, 27)
    )
    assert deck.id == "race-2026-2"
    uploaded, problems = view.read_upload(
        (DECKS / "race-2026.json").read_bytes(), PAGES, taken={"race-2026", "race-2026-2"}
    )
    assert problems == [] and uploaded.id == "race-2026-3"


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"{not json", "present.err_json"),
        (b"\xff\xfe", "present.err_json"),
        (b"[]", "present.err_not_object"),
        (b" " * view.MAX_UPLOAD_BYTES + b"{}", "present.err_too_big"),
    ],
)
def test_bad_upload_is_refused_with_a_reason(data, key):
    deck, problems = view.read_upload(data, PAGES)
    assert deck is None and problems[0].key == key


def test_nothing_in_the_decks_module_writes_files():
    source = (REPO / "views" / "decks.py").read_text()
    assert "write_text" not in source and "os.replace" not in source and "open(" not in source
