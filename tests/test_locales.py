"""Every English catalogue key exists in French and Spanish with the same {placeholders} and is
translated (never left in English); the data-label catalogues (agenda, indicators, table titles)
cover every row of the data; pages render in French and Spanish with a translated title; an
unknown language falls back to English."""

from __future__ import annotations

import re
import string
import tomllib
from functools import cache
from pathlib import Path

import pytest

from components.registry import DEFAULT_URL_PATH, url_paths

LOCALES = Path(__file__).resolve().parent.parent / "locales"
ENGLISH = sorted((LOCALES / "en").glob("*.toml"))
OTHERS = ("fr", "es")


# Words spelt the same in English and the other language (a translation, not a fallback).
SAME_WORD = {
    "fr": {
        "Source", "source", "Sources", "sources", "source ↗", "Date", "Table", "Licence", "Cycle",
        "Note", "Mission", "Total", "questionnaire", "action", "omission", "encourage",
        "Encourage", "ISO3", "Dates",
    },
    "es": {"general (1)", "general", "provisional", "no", "Total", "ISO3"},
}  # fmt: skip


def has_words(text: str) -> bool:
    """True when `text` has letters outside its {placeholders} (a symbol or '{n} / {total}' has
    nothing to translate)."""
    literal = "".join(part for part, _, _, _ in string.Formatter().parse(text))
    return bool(re.search(r"[^\W\d_]", literal))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def load(path: Path) -> dict[str, str]:
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.stem)
def test_catalogue_has_every_key_with_the_same_placeholders(language, english):
    en = load(english)
    other = load(LOCALES / language / english.name)
    missing = sorted(set(en) - set(other))
    assert not missing, f"{language}/{english.name} lacks {len(missing)} keys: {missing[:20]}"
    wrong = [k for k in en if placeholders(en[k]) != placeholders(other[k])]
    assert not wrong, f"{language}/{english.name}: placeholders differ for {wrong}"
    extra = sorted(set(other) - set(en))
    assert not extra, f"{language}/{english.name} has keys English does not: {extra}"


@cache  # the English title of each page is compared with two languages: render it once
def _title(language: str, url_path: str) -> str:
    from tests.pages.apptest import open_page

    at = open_page(None if url_path == DEFAULT_URL_PATH else url_path, lang=language)
    titles = [t.value for t in at.title]
    assert titles, f"no title on {url_path} in {language}"
    return re.sub(r"\s+", " ", titles[0])


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("url_path", url_paths())
def test_every_page_renders_with_a_translated_title(language, url_path):
    assert _title(language, url_path) != _title("en", url_path)


def test_unknown_language_falls_back_to_english_with_a_notice():
    from tests.pages.apptest import open_page

    at = open_page(lang="xx")
    assert at.selectbox(key="lang").value == "en"
    assert at.title[0].value == _title("en", DEFAULT_URL_PATH)
    assert any("lang" in str(i.value) and "xx" in str(i.value) for i in at.info)


def test_agenda_is_translated_for_every_priority_and_ask(package):
    """Priority titles, summaries and ask texts have a French and a Spanish translation."""
    from components.i18n import localized_agenda

    for language in ("fr", "es"):
        priorities, asks = localized_agenda(package["priorities"], package["asks"], language)
        for column in ("title", "summary"):
            changed = priorities[column] != package["priorities"][column]
            assert changed.all(), (language, column)
        assert (asks["text"] != package["asks"]["text"]).all(), language


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.stem)
def test_no_text_is_left_in_english(language, english):
    """A key whose French or Spanish text is the English text is an English fallback, unless the
    word is spelt the same in both languages (SAME_WORD) or there are no words to translate."""
    en = load(english)
    other = load(LOCALES / language / english.name)
    left = sorted(
        k
        for k in en
        if k in other
        and other[k] == en[k]
        and has_words(en[k])
        and en[k] not in SAME_WORD[language]
    )
    assert not left, f"{language}/{english.name} leaves {len(left)} texts in English: {left[:20]}"


@pytest.mark.parametrize("language", OTHERS)
def test_every_indicator_label_is_translated(package, language):
    """Titles, descriptions, units, coverage notes and every category label of every indicator."""
    texts = load(LOCALES / language / "indicators.toml")
    missing, english = [], []
    for row in package["indicators"].iter_rows(named=True):
        i = row["indicator_id"]
        wanted = {f"{i}_{c}": row[c] for c in ("title", "description", "unit", "coverage_note")}
        for cat, label in zip(row["categories"] or [], row["category_labels"] or [], strict=True):
            wanted[f"{i}_class_{cat}"] = label
        for key, en in wanted.items():
            if en is None:
                continue
            if key not in texts:
                missing.append(key)
            elif texts[key] == en and en not in SAME_WORD[language] | {"No"}:
                english.append(key)
    assert not missing, f"{language}/indicators.toml lacks {missing}"
    assert not english, f"{language}/indicators.toml leaves in English: {english}"


@pytest.mark.parametrize("language", OTHERS)
def test_every_table_title_is_translated(package, language):
    """The titles source notes cite (one per table of the data package)."""
    texts = load(LOCALES / language / "resources.toml")
    for res in package.descriptor.resources:
        assert texts.get(f"{res.name}_title") not in (None, res.title), (language, res.name)


@pytest.mark.parametrize("language", OTHERS)
def test_every_table_description_is_translated(package, language):
    """The descriptions the Data & methods page shows (one per table of the data package)."""
    texts = load(LOCALES / language / "resources.toml")
    left = [
        res.name
        for res in package.descriptor.resources
        if texts.get(f"{res.name}_description") in (None, res.description)
    ]
    assert not left, f"{language}/resources.toml lacks a translated description for {left}"


def test_the_data_page_reads_in_french(package):
    from views.package_info import data_model
    from views.words import Words

    model = data_model(package, Words("fr"))
    first = model.entries[0]
    english = package.descriptor.resources[0]
    assert first.description != english.description
    assert english.title not in first.label


def test_the_map_reads_in_french_title_legend_and_source_note(package):
    from tests.pages.apptest import open_page, plotly_specs, texts

    at = open_page("map", indicator="death-penalty-status", lang="fr")
    body = texts(at)
    assert "Peine de mort en droit et en pratique" in body
    assert "Death penalty in law and practice" not in body
    names = " ".join(tr.get("name") or "" for tr in plotly_specs(at)[0]["data"])
    assert "Abolitionniste pour tous les crimes" in names
    assert "Abolitionist for all crimes" not in names
    assert "**Indicateurs par pays**" in body and "**Country indicators**" not in body


@pytest.mark.parametrize(
    ("language", "singular", "plural"),
    [("en", (1,), (0, 2, 5, 21)), ("es", (1,), (0, 2, 5, 21)), ("fr", (0, 1), (2, 5, 21))],
)
def test_a_count_takes_the_singular_or_the_plural_by_the_language_rule(language, singular, plural):
    """English and Spanish say '1 update', '0 updates'; French '0 nouveauté', '2 nouveautés'."""
    from views.words import translate

    one = load(LOCALES / language / "overview.toml")["updates_link_one"]
    other = load(LOCALES / language / "overview.toml")["updates_link_other"]
    for n in singular:
        assert translate(language, "overview.updates_link", n=n, date="3 Nov") == one.format(
            n=n, date="3 Nov"
        )
    for n in plural:
        assert translate(language, "overview.updates_link", n=n, date="3 Nov") == other.format(
            n=n, date="3 Nov"
        )
    assert one != other


def test_the_plural_forms_read_as_people_write_them():
    from views.words import translate

    assert translate("en", "overview.updates_link", n=0, date="3 Nov 2026") == (
        "0 updates since 3 Nov 2026"
    )
    assert translate("en", "curate.import_done", n=1, table="events") == (
        "Imported 1 row into events."
    )
    assert translate("fr", "overview.updates_link", n=0, date="3 nov. 2026").startswith(
        "0 nouveauté depuis"
    )
    assert translate("es", "priorities.n_statements", n=0) == "0 declaraciones"
    assert translate("es", "priorities.n_statements", n=1) == "1 declaración"


@pytest.mark.parametrize("language", ("en", *OTHERS))
def test_no_text_has_a_raw_plural_and_every_plural_has_both_forms(language):
    """'update(s)', 'nouveauté(s)', 'novedad(es)' read as unfinished: a count's text has
    <key>_one and <key>_other forms instead."""
    raw, lonely = [], []
    for path in sorted((LOCALES / language).glob("*.toml")):
        texts = load(path)
        raw += [f"{path.stem}.{k}" for k, v in texts.items() if re.search(r"\w\((s|es|e|x)\)", v)]
        lonely += [
            f"{path.stem}.{k}"
            for k in texts
            if k.endswith("_one") and k[:-4] + "_other" not in texts
        ]
    assert not raw, f"{language}: raw plurals in {raw}"
    assert not lonely, f"{language}: a plural without both forms: {lonely}"
