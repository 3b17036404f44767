"""Interface words without Streamlit: message catalogues, dates as people read them, data labels.

`Words(language)` is what a view model gets: `words("overview.title")` is the text of key `title`
in namespace `overview` (`locales/<lang>/<namespace>.toml`, English if missing, the key itself if
missing there too), `words.date(value, precision)` a date as people read it in that language.
`components.i18n` binds it to the session's language (`words()`); views never read the session.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

__all__ = [
    "LANGUAGES",
    "MONTHS",
    "DATA_TERMS",
    "DEFAULT_LANGUAGE",
    "Words",
    "catalogue",
    "format_date_in",
    "localized_agenda",
    "localized_columns",
    "localized_indicators",
    "plural_form",
    "translate",
]

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
LANGUAGES = {"en": "English", "fr": "Français", "es": "Español"}
DEFAULT_LANGUAGE = "en"


@cache
def catalogue(language: str) -> dict[str, dict[str, str]]:
    """Every namespace of one language: {namespace: {key: text}} (read once per process)."""
    folder = LOCALES_DIR / language
    return {
        path.stem: tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.toml"))
    }


def plural_form(language: str, n: int) -> str:
    """'one' or 'other', the form a count `n` takes: French uses the singular for 0 and 1,
    English and Spanish for 1 only."""
    singular = (0, 1) if language == "fr" else (1,)
    return "one" if n in singular else "other"


def translate(language: str, key: str, /, **values: object) -> str:
    """The text for `namespace.key` in `language` (English if missing), formatted with values.

    A key with plural forms is written `<key>_one` and `<key>_other` in the catalogues; the count
    `n` among `values` picks one (`plural_form`)."""
    namespace, _, name = key.partition(".")
    english = catalogue(DEFAULT_LANGUAGE).get(namespace, {})
    if f"{name}_one" in english and "n" in values:
        name = f"{name}_{plural_form(language, values['n'])}"
    text = catalogue(language).get(namespace, {}).get(name)
    if text is None:
        text = english.get(name, key)
    return text.format(**values) if values else text


def localized_agenda(
    priorities: pl.DataFrame, asks: pl.DataFrame, language: str
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The priorities and asks tables with title, summary and ask text in `language`.

    The data holds the English text; `locales/<lang>/agenda.toml` holds translations keyed
    `p1_title`, `p1_summary`, `p1_a`. A missing translation keeps the English text.
    """
    agenda = catalogue(language).get("agenda", {})

    def swap(frame: pl.DataFrame, id_col: str, col: str, suffix: str = "") -> pl.DataFrame:
        ids = frame[id_col].to_list()
        texts = [agenda.get(i.replace(".", "_") + suffix) for i in ids]
        return frame.with_columns(pl.Series(col, texts, dtype=pl.String).fill_null(frame[col]))

    priorities = swap(
        swap(priorities, "priority_id", "title", "_title"), "priority_id", "summary", "_summary"
    )
    return priorities, swap(asks, "ask_id", "text")


def localized_indicators(indicators: pl.DataFrame, language: str) -> pl.DataFrame:
    """The indicators table with title, description, unit, coverage note and category labels in
    `language`, from `locales/<lang>/indicators.toml` (keys `<id>_title`, `<id>_description`,
    `<id>_unit`, `<id>_coverage_note`, `<id>_class_<category>`). Missing ones stay English."""
    texts = catalogue(language).get("indicators", {})
    ids = indicators["indicator_id"].to_list()

    def column(col: str) -> pl.Series:
        found = [texts.get(f"{i}_{col}") for i in ids]
        return pl.Series(col, found, dtype=pl.String).fill_null(indicators[col])

    labels = [
        [texts.get(f"{i}_class_{c}", en) for c, en in zip(cats, names, strict=False)]
        if cats is not None and names is not None
        else names
        for i, cats, names in zip(
            ids, indicators["categories"], indicators["category_labels"], strict=True
        )
    ]
    return indicators.with_columns(
        *(column(c) for c in ("title", "description", "unit", "coverage_note")),
        pl.Series("category_labels", labels, dtype=indicators.schema["category_labels"]),
    )


# Data columns whose English text a catalogue translates: {table: {column: (namespace, key column)}}
# (the key column is the column itself where the catalogue is keyed by the English text).
DATA_TERMS = {
    "countries": {
        "name": ("countries", "iso3"),
        "un_regional_group": ("groups", "un_regional_group"),
    },
    "candidacies": {
        "un_regional_group": ("groups", "un_regional_group"),
        "role_at_nomination": ("roles", "role_at_nomination"),
    },
    "record_entries": {"role": ("roles", "role")},
    "peacekeeping_missions": {"name": ("missions", "acronym")},
    "selection_events": {"title": ("events", "title")},
}


def localized_columns(
    frame: pl.DataFrame, language: str, columns: dict[str, tuple[str, str]]
) -> pl.DataFrame:
    """`frame` with each of `columns` ({column: (namespace, key column)}) in `language`: the
    namespace's text for the row's key, else the data's own English (see DATA_TERMS)."""
    swaps = []
    for column, (namespace, key) in columns.items():
        texts = catalogue(language).get(namespace, {})
        if texts and column in frame.columns:
            swaps.append(
                pl.col(key)
                .replace_strict(texts, default=pl.col(column), return_dtype=pl.String)
                .alias(column)
            )
    return frame.with_columns(swaps) if swaps else frame


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def format_date_in(language: str, value, precision: str = "day") -> str:
    """A date as people read it in `language`: '12 Apr 2016', 'Apr 2016' or '2016'."""
    if value is None:
        return translate(language, "common.no_date")
    if isinstance(value, str):
        return value
    if precision == "year":
        return str(value.year)
    month = translate(language, f"common.month_{MONTHS[value.month - 1]}")
    if precision == "month":
        return f"{month} {value.year}"
    return f"{value.day} {month} {value.year}"


@dataclass(frozen=True)
class Words:
    """The interface text and date format of one language, for a view model to use."""

    language: str = DEFAULT_LANGUAGE

    def __call__(self, key: str, /, **values: object) -> str:
        return translate(self.language, key, **values)

    def date(self, value, precision: str = "day") -> str:
        """A date as people read it in this language ('12 Apr 2016', 'Apr 2016', '2016')."""
        return format_date_in(self.language, value, precision)

    def data(self, namespace: str, key: str, english: str) -> str:
        """A data label (e.g. a table's title) in this language, else the data's own English."""
        return catalogue(self.language).get(namespace, {}).get(key) or english

    def source_title(self, source: dict) -> str:
        """A data package source's title in this language (`sources` catalogue, keyed by the
        English title), else its English title, else its address."""
        english = source.get("title") or source.get("path", "")
        return self.data("sources", english, english)
