"""Presentation decks: saved views (a page and its URL parameters) in `data/decks/<id>.json`.

A deck is read and checked here, without Streamlit. The schema is documented in
`data/decks/README.md`. Problems are returned, never raised, as `Problem(key, values)` where `key`
is a catalogue key of the `present` namespace, so the page can say them in the reader's language.
Nothing here writes a file: the shipped decks are read-only, and a visitor's own deck is a value
kept in their session, downloaded as JSON (`deck_json`) and uploaded again (`read_upload`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from views.registry import DEFAULT_URL_PATH
from views.words import Words

__all__ = [
    "MAX_TITLE",
    "MAX_NOTE",
    "MAX_SLIDES",
    "MAX_UPLOAD_BYTES",
    "Problem",
    "Slide",
    "Deck",
    "parse_deck",
    "load_decks",
    "localized_deck",
    "check_slide",
    "slide_link",
    "deck_to_dict",
    "deck_id_for",
    "unique_id",
    "add_slide",
    "deck_json",
    "read_upload",
]

MAX_TITLE = 120
MAX_NOTE = 280
MAX_SLIDES = 60
MAX_VALUES = 20  # values of one parameter
DEFAULT_PAGE = DEFAULT_URL_PATH  # served at "/", not "/overview"
DECK_ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$")
PARAM_KEY = re.compile(r"^[a-z_][a-z0-9_-]{0,39}$")
MAX_VALUE_LEN = 120
MAX_UPLOAD_BYTES = 64 * 1024  # a 60-slide deck is about 20 KB


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a deck or a new slide: a `present.*` catalogue key and its values."""

    key: str
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Slide:
    """One saved view: the page's url_path, its parameters ({name: [values]}), a title, a note."""

    page: str
    params: dict[str, list[str]]
    title: str
    note: str = ""


@dataclass(frozen=True)
class Deck:
    """A named, ordered list of slides, with who made it and when."""

    id: str
    title: str
    description: str
    author: str
    created: str
    slides: tuple[Slide, ...]


def _text(value: object) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def _params(raw: object, where: str, problems: list[Problem]) -> dict[str, list[str]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(Problem("present.err_params", {"where": where}))
        return {}
    params: dict[str, list[str]] = {}
    for key, value in raw.items():
        values = value if isinstance(value, list) else [value]
        ok = (
            isinstance(key, str)
            and PARAM_KEY.match(key)
            and key not in ("embed", "embed_options")
            and 0 < len(values) <= MAX_VALUES
            and all(isinstance(v, str) and 0 < len(v) <= MAX_VALUE_LEN for v in values)
        )
        if not ok:
            problems.append(Problem("present.err_param", {"where": where, "key": str(key)[:40]}))
            continue
        params[key] = list(values)
    return params


def check_slide(
    page: object, params: object, title: object, note: object, known_pages: list[str] | None
) -> tuple[Slide | None, list[Problem]]:
    """A slide from raw values, or None and every problem (title required, lengths, page)."""
    where = _text(title)[:40] or "?"
    problems: list[Problem] = []
    title_text, note_text = _text(title), _text(note) if note is not None else ""
    if not title_text:
        problems.append(Problem("present.err_title_required", {}))
    elif len(title_text) > MAX_TITLE:
        problems.append(Problem("present.err_title_long", {"max": MAX_TITLE}))
    if len(note_text) > MAX_NOTE:
        problems.append(Problem("present.err_note_long", {"max": MAX_NOTE}))
    if not isinstance(page, str) or not page:
        problems.append(Problem("present.err_page_missing", {"where": where}))
    elif known_pages is not None and page not in known_pages:
        problems.append(Problem("present.err_page_unknown", {"where": where, "page": page[:40]}))
    clean = _params(params, where, problems)
    if problems:
        return None, problems
    return Slide(page=str(page), params=clean, title=title_text, note=note_text), []


def parse_deck(
    data: object, known_pages: list[str] | None = None
) -> tuple[Deck | None, list[Problem]]:
    """A deck from its JSON value. Slides on pages that do not exist are dropped, with a problem;
    a deck without an id, a title or any usable slide is None."""
    if not isinstance(data, dict):
        return None, [Problem("present.err_not_object", {})]
    problems: list[Problem] = []
    deck_id = data.get("id")
    if not isinstance(deck_id, str) or not DECK_ID.match(deck_id):
        problems.append(Problem("present.err_deck_id", {"value": str(deck_id)[:40]}))
    title = _text(data.get("title"))
    if not title or len(title) > MAX_TITLE:
        problems.append(Problem("present.err_deck_title", {"max": MAX_TITLE}))
    raw_slides = data.get("slides")
    if not isinstance(raw_slides, list):
        raw_slides = []
    slides: list[Slide] = []
    for raw in raw_slides[:MAX_SLIDES]:
        raw = raw if isinstance(raw, dict) else {}
        slide, slide_problems = check_slide(
            raw.get("page"), raw.get("params"), raw.get("title"), raw.get("note"), known_pages
        )
        problems += slide_problems
        if slide is not None:
            slides.append(slide)
    if not slides:
        problems.append(Problem("present.err_no_slides", {}))
    if problems and (
        not slides
        or any(p.key in ("present.err_deck_id", "present.err_deck_title") for p in problems)
    ):
        return None, problems
    return (
        Deck(
            id=deck_id,
            title=title,
            description=_text(data.get("description")),
            author=_text(data.get("author")),
            created=_text(data.get("created")),
            slides=tuple(slides),
        ),
        problems,
    )


def load_decks(
    folder: Path, known_pages: list[str] | None = None
) -> tuple[list[Deck], dict[str, list[Problem]]]:
    """Every readable deck of `folder` in id order, and the problems per file name."""
    decks: list[Deck] = []
    problems: dict[str, list[Problem]] = {}
    for path in sorted(Path(folder).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems[path.name] = [Problem("present.err_json", {"error": str(exc)[:80]})]
            continue
        deck, found = parse_deck(data, known_pages)
        if deck is not None and deck.id != path.stem:
            found = [*found, Problem("present.err_file_name", {"id": deck.id})]
            deck = None
        if found:
            problems[path.name] = found
        if deck is not None:
            decks.append(deck)
    return decks, problems


def localized_deck(deck: Deck, words: Words) -> Deck:
    """A shipped deck in the reader's language: the `decks` catalogue's <deck>_title,
    <deck>_description, <deck>_<n>_title and <deck>_<n>_note (n from 1), else the deck's own."""

    def text(key: str, own: str) -> str:
        return words.data("decks", f"{deck.id}_{key}", own)

    slides = tuple(
        replace(s, title=text(f"{n}_title", s.title), note=text(f"{n}_note", s.note))
        for n, s in enumerate(deck.slides, 1)
    )
    return replace(
        deck,
        title=text("title", deck.title),
        description=text("description", deck.description),
        slides=slides,
    )


def slide_link(slide: Slide) -> str:
    """The slide's view as a root-relative link: '/compare?cycle=2026&candidate=a&candidate=b'."""
    query = urlencode([(k, v) for k, values in slide.params.items() for v in values])
    path = "" if slide.page == DEFAULT_PAGE else slide.page
    return f"/{path}" + (f"?{query}" if query else "")


def deck_to_dict(deck: Deck) -> dict:
    """The deck as the JSON object stored in its file."""
    return {
        "id": deck.id,
        "title": deck.title,
        "description": deck.description,
        "author": deck.author,
        "created": deck.created,
        "slides": [
            {
                "page": s.page,
                "params": {k: (v[0] if len(v) == 1 else list(v)) for k, v in s.params.items()},
                "title": s.title,
                "note": s.note,
            }
            for s in deck.slides
        ],
    }


def deck_id_for(title: str) -> str:
    """A file-safe id from a deck title: 'My talk, Geneva' → 'my-talk-geneva'."""
    slug = re.sub(r"[^a-z0-9]+", "-", _text(title).lower()).strip("-")[:60].strip("-")
    return slug or "deck"


def unique_id(deck_id: str, taken: set[str]) -> str:
    """`deck_id`, or `deck_id-2`, `-3`, … if a shipped deck already has it."""
    if deck_id not in taken:
        return deck_id
    n = 2
    while f"{deck_id[:56]}-{n}" in taken:
        n += 1
    return f"{deck_id[:56]}-{n}"


def add_slide(
    deck: Deck | None,
    slide: Slide,
    *,
    new_title: str | None = None,
    taken: set[str] = frozenset(),
    today: date,
) -> tuple[Deck | None, list[Problem]]:
    """`deck` with `slide` appended, or a new deck titled `new_title` holding it (id not in
    `taken`). A value, not a write: the page keeps it in the visitor's session."""
    if deck is None or new_title is not None:
        title = _text(new_title)
        if not title:
            return None, [Problem("present.err_deck_title_required", {})]
        if len(title) > MAX_TITLE:
            return None, [Problem("present.err_deck_title", {"max": MAX_TITLE})]
        deck = Deck(unique_id(deck_id_for(title), set(taken)), title, "", "", today.isoformat(), ())
    if len(deck.slides) >= MAX_SLIDES:
        return None, [Problem("present.err_deck_full", {"max": MAX_SLIDES})]
    return replace(deck, slides=(*deck.slides, slide)), []


def deck_json(deck: Deck) -> bytes:
    """The deck as the UTF-8 JSON file a visitor downloads (the shipped decks' format)."""
    return (json.dumps(deck_to_dict(deck), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_upload(
    data: bytes, known_pages: list[str] | None = None, taken: set[str] = frozenset()
) -> tuple[Deck | None, list[Problem]]:
    """A deck from an uploaded file's bytes (at most MAX_UPLOAD_BYTES, UTF-8 JSON, the same
    rules as a shipped deck). An id a shipped deck has gets a suffix, so both stay reachable."""
    if len(data) > MAX_UPLOAD_BYTES:
        return None, [Problem("present.err_too_big", {"max": MAX_UPLOAD_BYTES // 1024})]
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return None, [Problem("present.err_json", {"error": str(exc)[:80]})]
    deck, problems = parse_deck(raw, known_pages)
    if deck is not None and deck.id in taken:
        deck = replace(deck, id=unique_id(deck.id, set(taken)))
    return deck, problems
