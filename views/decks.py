"""Presentation decks: saved views (a page and its URL parameters) in `data/decks/<id>.json`.

A deck is read, checked and written here, without Streamlit. The schema is documented in
`data/decks/README.md`. Problems are returned, never raised, as `Problem(key, values)` where `key`
is a catalogue key of the `present` namespace, so the page can say them in the reader's language.
Writing a deck is atomic (temporary file, then `os.replace`) and leaves a line in the data
changelog.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

__all__ = [
    "MAX_TITLE",
    "MAX_NOTE",
    "MAX_SLIDES",
    "Problem",
    "Slide",
    "Deck",
    "parse_deck",
    "load_decks",
    "check_slide",
    "slide_link",
    "deck_to_dict",
    "deck_id_for",
    "add_slide",
]

MAX_TITLE = 120
MAX_NOTE = 280
MAX_SLIDES = 60
MAX_VALUES = 20  # values of one parameter
DEFAULT_PAGE = "overview"  # the entry file's default page: its address is "/", not "/overview"
DECK_ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$")
PARAM_KEY = re.compile(r"^[a-z_][a-z0-9_-]{0,39}$")
MAX_VALUE_LEN = 120


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


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _log_change(changelog: Path, line: str, today: date) -> None:
    """Add a dated entry at the top of the changelog's entries (newest first)."""
    entry = f"## {today.isoformat()} — decks\n\n- {line}\n\n"
    text = changelog.read_text(encoding="utf-8") if changelog.exists() else "# Data changelog\n\n"
    at = text.find("\n## ")
    text = text + "\n" + entry if at < 0 else text[: at + 1] + entry + text[at + 1 :]
    _write_atomic(changelog, text)


def add_slide(
    folder: Path,
    slide: Slide,
    *,
    deck_id: str | None = None,
    new_title: str | None = None,
    author: str = "",
    today: date,
    changelog: Path | None = None,
) -> tuple[Deck | None, list[Problem]]:
    """Append `slide` to deck `deck_id`, or to a new deck titled `new_title`; returns the deck.

    Nothing is written when there is a problem (unknown deck, bad or taken title, deck full).
    """
    folder = Path(folder)
    if new_title is not None:
        title = _text(new_title)
        if not title:
            return None, [Problem("present.err_deck_title_required", {})]
        if len(title) > MAX_TITLE:
            return None, [Problem("present.err_deck_title", {"max": MAX_TITLE})]
        deck_id = deck_id_for(title)
        if (folder / f"{deck_id}.json").exists():
            return None, [Problem("present.err_deck_exists", {"id": deck_id})]
        deck = Deck(deck_id, title, "", _text(author), today.isoformat(), ())
        action = "created deck `{id}` with"
    else:
        path = folder / f"{deck_id}.json"
        if not deck_id or not DECK_ID.match(deck_id) or not path.exists():
            return None, [Problem("present.err_deck_unknown", {"id": str(deck_id)[:40]})]
        deck, problems = parse_deck(json.loads(path.read_text(encoding="utf-8")))
        if deck is None:
            return None, problems
        if len(deck.slides) >= MAX_SLIDES:
            return None, [Problem("present.err_deck_full", {"max": MAX_SLIDES})]
        action = "added to deck `{id}`"
    saved = Deck(
        deck.id, deck.title, deck.description, deck.author, deck.created, (*deck.slides, slide)
    )
    folder.mkdir(parents=True, exist_ok=True)
    _write_atomic(
        folder / f"{saved.id}.json",
        json.dumps(deck_to_dict(saved), ensure_ascii=False, indent=2) + "\n",
    )
    if changelog is not None:
        who = f" by {_text(author)}" if _text(author) else ""
        _log_change(
            changelog,
            f"{action.format(id=saved.id)} slide {len(saved.slides)} “{slide.title}” "
            f"(`{slide_link(slide)}`){who}.",
            today,
        )
    return saved, []
