"""Every English catalogue key exists in French and Spanish with the same {placeholders} and is
translated (never left in English); the data-label catalogues (agenda, indicators, table titles,
descriptions and known gaps, field descriptions, source titles) cover every row of the data; counts
take the language's plural form and no text keeps a raw '(s)'; pages render in French and Spanish
with a translated title; an unknown language falls back to English."""

from __future__ import annotations

import html
import re
import string
import tomllib
from functools import cache
from pathlib import Path

import polars as pl
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
        "Encourage", "ISO3", "Dates", "Type", "Description", "date",
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


@cache  # each page is rendered once per language, for its title and for its every text
def _rendered(language: str, url_path: str, query: str = "") -> tuple[str, tuple[str, ...]]:
    """The page's title and every text a reader sees on it (`shown_strings`); `query` is
    more of the link ('country=CHL')."""
    from tests.pages.apptest import open_page, shown_strings

    params = dict(p.split("=") for p in query.split("&") if p)
    at = open_page(None if url_path == DEFAULT_URL_PATH else url_path, lang=language, **params)
    titles = [t.value for t in at.title]
    assert titles, f"no title on {url_path} in {language}"
    return re.sub(r"\s+", " ", titles[0]), tuple(shown_strings(at))


def _title(language: str, url_path: str) -> str:
    return _rendered(language, url_path)[0]


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("url_path", url_paths())
def test_every_page_renders_with_a_translated_title(language, url_path):
    assert _title(language, url_path) != _title("en", url_path)


def test_a_french_or_spanish_page_says_the_evidence_stays_in_english():
    """Statements, record entries and notes are recorded in English: the other languages say so
    (in the sidebar of every page); English does not need to."""
    for language in OTHERS:
        note = load(LOCALES / language / "common.toml")["evidence_language"]
        assert note in _rendered(language, DEFAULT_URL_PATH)[1]
    assert not load(LOCALES / "en" / "common.toml")["evidence_language"]


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


@pytest.mark.parametrize("kind", ("description", "gaps"))
@pytest.mark.parametrize("language", OTHERS)
def test_every_table_description_and_known_gaps_are_translated(package, language, kind):
    """What the Data & methods page says of each table: its description and, where it has
    some, its known gaps (keyed <table>_description, <table>_gaps)."""
    texts = load(LOCALES / language / "resources.toml")
    left = [
        res.name
        for res in package.descriptor.resources
        if getattr(res, kind) and texts.get(f"{res.name}_{kind}") in (None, getattr(res, kind))
    ]
    assert not left, f"{language}/resources.toml lacks a translated {kind} for {left}"


# Sources named as their owners name them (an organisation, a publication, a repository), in every
# language: the only source titles the catalogues need not translate.
PROPER_NAMES = {
    "Human Rights Watch",  # the organisation's name
    "CIVICUS Monitor: People Power Under Attack 2023-2025",  # the report's published title
    "world-politics-datalab/vetoes-un-security-council",  # a repository's name
    "Creative Commons Attribution 4.0",  # a licence's name (fr: spelt the same)
}


@pytest.mark.parametrize("language", OTHERS)
def test_every_field_description_is_translated(package, language):
    """The description of every field of every table (the Data & methods page lists them)."""
    texts = load(LOCALES / language / "fields.toml")
    left = [
        f"{res.name}_{f.name}"
        for res in package.descriptor.resources
        for f in res.fields
        if f.description and texts.get(f"{res.name}_{f.name}") in (None, f.description)
    ]
    assert not left, f"{language}/fields.toml lacks a translated description for {left}"


@pytest.mark.parametrize("language", OTHERS)
def test_every_source_and_licence_title_is_translated(package, language):
    """Every source a table cites and every licence it is under, keyed by the English title;
    proper names (PROPER_NAMES) may stay as their owners write them."""
    resources = package.descriptor.resources
    titles = {
        "sources": {s["title"] for res in resources for s in res.sources if s.get("title")},
        "licences": {lic.get("title") or lic["name"] for res in resources for lic in res.licenses},
    }
    for namespace, english in titles.items():
        texts = load(LOCALES / language / f"{namespace}.toml")
        left = sorted(t for t in english if texts.get(t, t) == t and t not in PROPER_NAMES)
        assert not left, f"{language}/{namespace}.toml lacks a translation of {left}"
    assert PROPER_NAMES <= titles["sources"] | titles["licences"], "a proper name no one uses"


@pytest.mark.parametrize("language", OTHERS)
def test_every_data_term_is_translated(package, language):
    """Country and mission names (keyed by ISO3 and acronym; a name may be spelt the same), and
    the offices, UN regional groups and event titles the data names (keyed by the English text;
    never left in English): every column of DATA_TERMS."""
    from views.words import DATA_TERMS

    for table, columns in DATA_TERMS.items():
        for column, (namespace, key) in columns.items():
            texts = load(LOCALES / language / f"{namespace}.toml")
            if key != column:  # keyed by an id (a country's ISO3, a mission's acronym)
                missing = sorted(set(package[table][key].drop_nulls()) - set(texts))
                assert not missing, f"{language}/{namespace}.toml lacks {table}.{key} {missing}"
                continue
            values = set(package[table][column].drop_nulls())
            left = sorted(v for v in values if texts.get(v) in (None, v))
            assert not left, f"{language}/{namespace}.toml lacks {table}.{column}: {left}"


@pytest.mark.parametrize("language", OTHERS)
def test_every_shipped_deck_is_translated(package, language):
    """A shipped deck's title, description, and each slide's title and note; a slide titled
    with a person's name keeps it."""
    from views.decks import load_decks, localized_deck
    from views.words import Words

    people = set(package["people"]["name"])
    decks, problems = load_decks(LOCALES.parent / "data" / "decks")
    assert decks and not problems
    left = []
    for deck in decks:
        shown = localized_deck(deck, Words(language))
        pairs = [(deck.title, shown.title), (deck.description, shown.description)]
        for own, slide in zip(deck.slides, shown.slides, strict=True):
            pairs += [(own.note, slide.note)] + (
                [] if own.title in people else [(own.title, slide.title)]
            )
        left += [(deck.id, en) for en, other in pairs if en and other == en]
    assert not left, f"{language}/decks.toml leaves in English: {left}"


def test_the_data_page_reads_in_french(package):
    from views.package_info import data_model
    from views.words import Words

    model = data_model(package, Words("fr"))
    first = model.entries[0]
    english = package.descriptor.resources[0]
    assert first.description != english.description
    assert english.title not in first.label
    for entry, res in zip(model.entries, package.descriptor.resources, strict=True):
        if res.gaps:
            assert res.gaps not in entry.gaps and entry.gaps.startswith("Lacunes connues : ")
        for source in res.sources:
            if source.get("title") not in PROPER_NAMES:
                assert f"[{source['title']}]" not in entry.sources, (res.name, source["title"])
        fields = entry.fields
        assert fields.columns[:2] == ["Champ", "Type"] and "Description" in fields.columns
        english_descriptions = {f.description for f in res.fields}
        assert not english_descriptions & set(fields["Description"]), res.name
        assert "string" not in fields["Type"].to_list(), res.name


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
    assert translate("en", "candidate.state_statements", n=1) == "1 statement"
    assert translate("en", "candidate.state_polls", n=1) == "1 straw poll"
    assert translate("fr", "candidate.state_polls", n=1) == "1 sondage informel"
    assert "1 record entry in" in translate(
        "en", "candidate.state_record", n=1, start="1 Jan 2017", record_as_of="x"
    )
    assert translate("en", "overview.days_ago", n=1) == "1 day ago"
    assert translate("es", "overview.days_ago", n=40) == "hace 40 días"


@pytest.mark.parametrize("language", ("en", *OTHERS))
def test_no_text_has_a_raw_plural_and_every_plural_has_both_forms(language):
    """'update(s)', 'nouveauté(s)', 'novedad(es)' read as unfinished: a count's text has
    <key>_one and <key>_other forms instead."""
    raw, lonely = [], []
    for path in sorted((LOCALES / language).glob("*.toml")):
        texts = load(path)
        raw += [
            f"{path.stem}.{k}" for k, v in texts.items() if re.search(r"(?<!http)\((s|es|e|x)\)", v)
        ]
        lonely += [
            f"{path.stem}.{k}"
            for k in texts
            if k.endswith("_one") and k[:-4] + "_other" not in texts
        ]
    assert not raw, f"{language}: raw plurals in {raw}"
    assert not lonely, f"{language}: a plural without both forms: {lonely}"


def plain(text: str) -> str:
    """Text as read: no Material icon codes, HTML tags or entities, Markdown marks or escapes,
    single spaces."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r":material/[a-z_]+:", " ", text)
    return re.sub(r"\s+", " ", re.sub(r"[*`\\]", "", text)).strip()


def english_phrases(language: str, package) -> dict[str, str]:
    """{phrase: where it comes from}: phrases of two words or more (outside {placeholders}) of
    the English catalogues, and the English data labels the catalogues translate (table,
    indicator and priority titles, source, role, group, mission and event names), that no
    catalogue of `language` uses: one of them on a French or Spanish page is English left over."""
    used = plain(" ".join(v for p in (LOCALES / language).glob("*.toml") for v in load(p).values()))
    found = {}
    for path in ENGLISH:
        for key, text in load(path).items():
            for literal, *_ in string.Formatter().parse(text):
                for part in re.split(r"[·\n]|(?<=[.:;!?]) ", plain(literal)):
                    part = part.strip(" ,;:.—–-()")
                    if len(part) >= 10 and len(re.findall(r"[^\W\d_]{2,}", part)) >= 2:
                        found.setdefault(part, f"{path.stem}.{key}")
    for namespace in ("sources", "roles", "groups", "licences", "events"):
        found |= {plain(k): namespace for k in load(LOCALES / language / f"{namespace}.toml")}
    found |= {plain(r.title): f"resources.{r.name}" for r in package.descriptor.resources}
    found |= {plain(t): "indicators" for t in package["indicators"]["title"]}
    found |= {plain(t): "agenda" for t in package["priorities"]["title"]}
    found |= {plain(t): "missions" for t in package["peacekeeping_missions"]["name"]}
    return {p: where for p, where in found.items() if p not in used and p not in PROPER_NAMES}


def english_evidence(package) -> tuple[str, ...]:
    """The data's own free text (paraphrases, summaries, notes: shown as recorded, in English),
    longest first: an English phrase inside one of them is the evidence, not a leftover. The
    columns the catalogues translate are not evidence."""
    from views.words import DATA_TERMS

    translated = {(t, c) for t, columns in DATA_TERMS.items() for c in columns} | {
        ("priorities", "title"), ("priorities", "summary"), ("asks", "text"),
        *(("indicators", c) for c in ("title", "description", "unit", "coverage_note")),
        ("indicators", "category_labels"),
    }  # fmt: skip
    texts = set()
    for name, frame in package.tables.items():
        for column, dtype in frame.schema.items():
            values = frame[column]
            if (name, column) in translated:
                continue
            if dtype == pl.List(pl.String):
                values = values.explode()
            elif dtype != pl.String:
                continue
            texts |= {plain(v) for v in values.drop_nulls().unique() if len(v) >= 20}
    # The values a field allows (the Data & methods page lists them as the CSV must hold them).
    texts |= {
        plain(", ".join(f.enum)) for r in package.descriptor.resources for f in r.fields if f.enum
    }
    return tuple(sorted(texts, key=len, reverse=True))


@pytest.fixture(scope="module")
def leftovers(package):
    """What English left over looks like: the phrases per language, and the evidence."""
    return {lang: english_phrases(lang, package) for lang in OTHERS}, english_evidence(package)


# Views beyond each page's default that show other parts: a country panel, the 2016 race.
MORE_VIEWS = [("map", "country=CHL"), ("straw-polls", "cycle=2016"), ("compare", "cycle=2016")]


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize(("url_path", "query"), [(p, "") for p in url_paths()] + MORE_VIEWS)
def test_no_english_is_left_on_a_french_or_spanish_page(leftovers, language, url_path, query):
    """Every text on the page (markdown, captions, labels, options, table headers and cells,
    chart titles, axes, legends and hovers) holds no English phrase of the catalogues and no
    English data label the catalogues translate; the data's own evidence is set aside."""
    phrases, evidence = leftovers[0][language], leftovers[1]
    left = set()
    for shown in map(plain, _rendered(language, url_path, query)[1]):
        hits = [p for p in phrases if p in shown]
        if hits:
            for text in evidence:
                shown = shown.replace(text, " ")
            left |= {(p, phrases[p]) for p in hits if p in shown}
    assert not left, f"English left on /{url_path}?{query} in {language}: {sorted(left)}"


def test_the_missions_map_tooltip_reads_in_french():
    """Name, dates as people read them (never YYYY-MM-DD) and French punctuation."""
    tips = [s for s in _rendered("fr", "map")[1] if s.startswith("<b>MINURSO</b>")]
    assert tips, "no tooltip for MINURSO on the missions map"
    (tip,) = {plain(t) for t in tips}
    assert "Mission des Nations Unies pour l'organisation d'un référendum" in tip
    assert "29 avr. 1991" in tip and not re.search(r"\d{4}-\d\d-\d\d", tip)
    assert "Mandat de protection des civils : non" in tip
