"""Interface text for the session's language; the catalogues and formats live in `views.words`.

`t("overview.title")` looks up key `title` in namespace `overview` for the current language and
falls back to English, so a missing translation shows English rather than a key. The test suite
fails on any key missing from a catalogue. `words()` is the same, as a `Words` for a view model.
"""

from __future__ import annotations

import streamlit as st

from components.this_run import this_run
from views.words import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    MONTHS,
    Words,
    catalogue,
    format_date_in,
    localized_agenda,
    localized_indicators,
    translate,
)

__all__ = [
    "LANGUAGES",
    "DEFAULT_LANGUAGE",
    "MONTHS",
    "catalogue",
    "current_language",
    "fix_language",
    "format_date",
    "format_date_in",
    "localized_agenda",
    "localized_indicators",
    "data_text",
    "t",
    "translate",
    "words",
]

LANGUAGE_KEY = "lang"


def current_language() -> str:
    """The language chosen for this session (set from the URL by the entry file)."""
    language = this_run().get(LANGUAGE_KEY)
    if language is None:  # before the entry file has fixed it, or a page run on its own
        language = st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def fix_language(language: str) -> None:
    """Keep `language` as this run's (the entry file calls this once the picker has read it)."""
    this_run()[LANGUAGE_KEY] = language


def words() -> Words:
    """The session language's words, for a view model."""
    return Words(current_language())


def t(key: str, /, **values: object) -> str:
    """Interface text for `key` in the current language."""
    return translate(current_language(), key, **values)


def data_text(namespace: str, key: str, english: str) -> str:
    """A data label (e.g. a table's title) in the current language: `locales/<lang>/<namespace>`
    key `key`, else the data's own English text."""
    return words().data(namespace, key, english)


def format_date(value, precision: str = "day") -> str:
    """A date as people read it in the current language: '12 Apr 2016', 'Apr 2016' or '2016'."""
    return format_date_in(current_language(), value, precision)
