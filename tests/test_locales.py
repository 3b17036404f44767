"""Every English catalogue key exists in French and Spanish with the same {placeholders}; pages
render in French and Spanish with a translated title; an unknown language falls back to English."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest

from components.registry import DEFAULT_URL_PATH, url_paths

LOCALES = Path(__file__).resolve().parent.parent / "locales"
ENGLISH = sorted((LOCALES / "en").glob("*.toml"))
OTHERS = ("fr", "es")


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
