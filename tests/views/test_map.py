"""Map view model: every UN member is on the map, gaps stay gaps, the time models read the
long table as documented, and the country panel, lens and missions frames say what a user
would notice."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from tests.views.synthetic import synthetic_tables
from views import map as view
from views.text import md_text
from views.words import Words


def _members(package) -> set[str]:
    return set(package["countries"].filter(pl.col("un_member"))["iso3"])


def _frame(package, indicator_id: str, year: int | None = None):
    indicator = view.indicator_row(package["indicators"], indicator_id)
    classes = view.indicator_classes(indicator, package["indicator_values"], "No data")
    return indicator, classes, view.map_frame(package.tables, indicator, year, classes)


@pytest.mark.parametrize(
    "indicator_id",
    [
        "death-penalty-status",
        "rome-statute",
        "refugees-hosted",
        "women-in-parliament",
        "sc-vetoes-cast",
    ],
)
def test_every_un_member_is_on_the_map_once(package, indicator_id):
    _, _, frame = _frame(package, indicator_id)
    assert frame["iso3"].is_duplicated().sum() == 0
    assert _members(package) <= set(frame["iso3"])
    # other countries appear only when they have a value
    others = frame.filter(~pl.col("un_member"))
    assert others.filter(pl.col("class_id") == view.NO_DATA).height == 0


def test_no_data_is_its_own_class_and_never_zero(package):
    indicator, classes, frame = _frame(package, "refugees-hosted", 2022)
    assert classes[-1].class_id == view.NO_DATA and classes[-1].color == view.NO_DATA_COLOR
    gaps = frame.filter(pl.col("class_id") == view.NO_DATA)
    assert gaps.height > 0
    assert gaps["value"].null_count() == gaps.height  # not plotted as 0
    assert gaps["value_text"].null_count() == gaps.height
    has_2022 = set(
        package["indicator_values"].filter(
            pl.col("indicator_id") == "refugees-hosted", pl.col("year") == 2022
        )["iso3"]
    )
    assert not (set(gaps["iso3"]) & has_2022)


def test_categorical_classes_follow_the_catalog_order(package):
    indicator, classes, frame = _frame(package, "death-penalty-status")
    assert [c.class_id for c in classes[:-1]] == indicator["categories"]
    assert [c.label for c in classes[:-1]] == indicator["category_labels"]
    assert [c.color for c in classes[:-1]] == indicator["colors"]
    # the frame is sorted in legend order
    orders = frame["order"].to_list()
    assert orders == sorted(orders)


def test_refugee_classes_use_the_log_breaks(package):
    indicator, classes, frame = _frame(package, "refugees-hosted", 2022)
    assert [c.label for c in classes] == [
        "0",
        "1–1k",
        "1k–10k",
        "10k–100k",
        "100k–1M",
        "≥ 1M",
        "No data",
    ]
    for cls_id, low, high in [("c0", 0, 1), ("c1", 1, 1_000), ("c5", 1_000_000, float("inf"))]:
        vals = frame.filter(pl.col("class_id") == cls_id)["value"]
        assert ((vals >= low) & (vals < high)).all()
    # sequential colours, distinct from the no-data grey
    assert len({c.color for c in classes}) == len(classes)


def test_women_in_parliament_classes_are_ten_point_bands(package):
    _, classes, _ = _frame(package, "women-in-parliament", 2021)
    assert [c.label for c in classes] == [
        "0–10 %", "10–20 %", "20–30 %", "30–40 %", "40–50 %", "≥ 50 %", "No data",
    ]  # fmt: skip


def test_year_options_follow_the_time_model(package):
    values, indicators = package["indicator_values"], package["indicators"]
    snapshot = view.indicator_row(indicators, "death-penalty-status")
    annual = view.indicator_row(indicators, "unga-moratorium-vote")
    assert view.year_options(values, snapshot) == []
    years = view.year_options(values, annual)
    assert years == sorted(years, reverse=True)
    present = set(values.filter(pl.col("indicator_id") == "unga-moratorium-vote")["year"])
    assert set(years) == present


def test_annual_shows_only_that_years_values(package):
    indicator = view.indicator_row(package["indicators"], "unga-moratorium-vote")
    shown = view.values_at(package["indicator_values"], indicator, 2007)
    assert set(shown["year"]) == {2007}
    # South Sudan joined the UN in 2011: no 2007 vote, so a gap, not an older or newer value
    _, _, frame = _frame(package, "unga-moratorium-vote", 2007)
    ssd = frame.filter(pl.col("iso3") == "SSD")
    assert ssd["class_id"].to_list() == [view.NO_DATA]


def test_event_shows_latest_value_at_or_before_the_year(package):
    indicator = view.indicator_row(package["indicators"], "women-in-parliament")
    values = package["indicator_values"].filter(pl.col("indicator_id") == "women-in-parliament")
    shown = view.values_at(package["indicator_values"], indicator, 2010)
    assert (shown["year"] <= 2010).all()
    some = shown.row(0, named=True)
    expected = values.filter(pl.col("iso3") == some["iso3"], pl.col("year") <= 2010)["year"].max()
    assert some["year"] == expected


def test_partial_list_is_detected(package):
    assert view.is_partial(view.indicator_row(package["indicators"], "civic-space"))
    assert not view.is_partial(view.indicator_row(package["indicators"], "rome-statute"))
    assert not view.is_partial(view.indicator_row(package["indicators"], "death-penalty-status"))


def test_indicator_options_are_grouped_by_priority(package):
    options = view.indicator_options(package["indicators"])
    assert len(options) == package["indicators"].height
    labels = [label for _, label in options]
    assert labels == sorted(labels, key=lambda s: s.split(" · ")[0])
    assert ("death-penalty-status", "P8 · Death penalty in law and practice") in options


def test_country_panel_keeps_gaps_and_lists_every_indicator(package):
    facts = view.country_indicators(package.tables, "USA")
    assert facts.height == package["indicators"].height
    dp = facts.filter(pl.col("indicator_id") == "death-penalty-status").row(0, named=True)
    assert dp["label"] == "Retentionist" and dp["year"] is not None
    assert dp["source_url"].startswith("http")


def test_country_vetoes_missions_and_candidacies(package):
    n, latest = view.country_vetoes(package["sc_vetoes"], "USA")
    assert n == package["sc_vetoes"].filter(pl.col("vetoing_member_iso3") == "USA").height
    assert latest["date"].to_list() == sorted(latest["date"].to_list(), reverse=True)
    assert view.country_vetoes(package["sc_vetoes"], "BRA")[0] == 0
    missions = view.country_missions(package["peacekeeping_missions"], "SDN")
    assert {"UNAMID", "UNISFA"} <= set(missions["acronym"])
    cands = view.country_candidacies(package.tables, "CRI")
    assert set(cands["cycle"]) == {2016, 2026}  # Figueres 2016, Grynspan 2026


def test_lens_lists_every_nominating_state_with_the_mapped_value(package):
    _, _, frame = _frame(package, "death-penalty-status")
    lens = view.lens_frame(package.tables, 2026, frame)
    cands = package["candidacies"].filter(pl.col("cycle") == 2026)
    expected = {s for states in cands["nominating_states_iso3"] for s in states}
    assert set(lens["iso3"]) == expected
    assert lens.height == sum(len(s) for s in cands["nominating_states_iso3"])
    chl = lens.filter(pl.col("iso3") == "CHL").row(0, named=True)
    assert chl["value_text"] == frame.filter(pl.col("iso3") == "CHL")["value_text"][0]


def test_missions_frame_resolves_names_and_puts_active_first(package):
    missions = view.missions_frame(package["peacekeeping_missions"], package["countries"])
    assert missions.height == package["peacekeeping_missions"].height
    statuses = missions["status"].to_list()
    assert statuses == sorted(statuses)  # "active" < "closed"
    untso = missions.filter(pl.col("acronym") == "UNTSO").row(0, named=True)
    assert "Israel" in untso["countries"] and "," in untso["countries"]


def test_format_number():
    assert view.format_number(3568259) == "3,568,259"
    assert (
        view.format_number(23.45, decimals=1) == "23.4"
        or view.format_number(23.45, decimals=1) == "23.5"
    )
    assert view.format_number(1_000_000, compact=True) == "1M"
    assert view.format_number(None) == "—"


def test_a_state_that_is_not_a_permanent_member_cannot_have_a_veto_value(package):
    facts = view.country_indicators(package.tables, "CHL")
    panel = view.country_panel(facts, no_data="NO DATA", cannot="CANNOT")
    vetoes = panel.filter(pl.col("indicator").str.ends_with("Security Council vetoes cast"))
    assert vetoes["value"].to_list() == ["CANNOT"]
    usa = view.country_panel(
        view.country_indicators(package.tables, "USA"), no_data="NO DATA", cannot="CANNOT"
    ).filter(pl.col("indicator").str.ends_with("Security Council vetoes cast"))
    value = usa["value"][0]
    assert value not in ("CANNOT", "NO DATA") and "(" in value  # a count with its year
    assert "NO DATA" in panel["value"].to_list() or panel["value"].null_count() == 0


def test_missions_read_as_dates_and_words_not_raw_values(package):
    words = {
        "status_active": "active", "status_closed": "closed", "poc_yes": "yes", "poc_no": "no",
        "poc_unknown": "unknown", "open_ended": "ongoing", "dates": "{start} to {end}",
    }  # fmt: skip
    missions = view.missions_frame(package["peacekeeping_missions"], package["countries"])
    shown = view.missions_shown(missions, words, lambda d: d.strftime("%d.%m.%Y"))
    assert "start_date" not in shown.columns and "end_date" not in shown.columns
    text = " ".join(str(v) for row in shown.rows() for v in row)
    assert "00:00:00" not in text and "None" not in text
    active = shown.filter(pl.col("status") == "active")
    assert active.height and all(d.endswith(" to ongoing") for d in active["dates"])
    assert (
        shown.filter(pl.col("status") == "closed")["dates"]
        .str.contains(r"^\d\d\.\d\d\.\d{4} to \d\d\.")
        .all()
    )
    assert shown["hq_city"].null_count() == 0


# --- the page's view models, on the SYNTHETIC package (tests/views/synthetic.py) ---

EN = Words("en")


@pytest.fixture(scope="module")
def syn():
    return synthetic_tables()


def _members_of(tables) -> set[str]:
    return set(tables["countries"].filter(pl.col("un_member"))["iso3"])


def test_map_model_of_a_snapshot_counts_members_with_and_without_a_value(syn):
    model = view.map_model(syn, "synthetic-status", None, None, EN)
    members = _members_of(syn)
    valued = set(
        syn["indicator_values"].filter(pl.col("indicator_id") == "synthetic-status")["iso3"]
    )
    indicator = (
        syn["indicators"].filter(pl.col("indicator_id") == "synthetic-status").row(0, named=True)
    )
    assert model.state == EN(
        "map.state",
        title=md_text(indicator["title"]),
        priority="P1",
        when=EN("map.state_as_of", as_of=EN.date(indicator["as_of"])),
        n=len(members),
        with_data=len(members & valued),
        missing=len(members - valued),
    )
    assert [c.label for c in model.classes] == [*indicator["category_labels"], EN("map.no_data")]
    names = [tr.name for tr in model.figure.data if tr.type == "choropleth"]
    assert names == [f"{label} (1)" for label in (*indicator["category_labels"], EN("map.no_data"))]
    assert model.counts == " · ".join(f"**{c.label}**: 1" for c in model.classes)
    assert model.plotted.columns[:4] == ["iso3", "name", "un_member", "class"]
    assert model.table.columns[1] == EN("map.col_country")
    assert model.csv_name == "map-synthetic-status"
    assert model.time_note is None and model.coverage is None
    assert model.lens_title is None and model.lens_table is None
    # no state of the fixture is in the topojson shapes, so each is drawn as a dot
    assert model.dots == ["AAA", "BBB", "CCC"]
    assert model.dots_note.startswith(EN("map.dots_note", n=3))


def test_map_model_of_an_annual_partial_list_names_its_gaps(syn):
    model = view.map_model(syn, "synthetic-count", 2029, None, EN)
    rows = syn["indicator_values"].filter(
        (pl.col("indicator_id") == "synthetic-count") & (pl.col("year") == 2029)
    )
    assert set(model.frame["iso3"]) == _members_of(syn) | set(rows["iso3"])  # XTR has a value
    gaps = model.frame.filter(pl.col("class_id") == view.NO_DATA)
    assert set(gaps["iso3"]) == _members_of(syn) - set(rows["iso3"])
    assert gaps["label"].unique().to_list() == [EN("map.not_in_partial_list")]
    assert model.coverage_is_partial
    assert model.coverage.endswith(EN("map.partial_explained"))
    assert model.time_note == EN("map.annual_explained", year=2029)
    assert model.subheader.endswith(" · 2029")
    assert model.csv_name == "map-synthetic-count-2029"
    earlier = view.map_model(syn, "synthetic-count", 2028, None, EN)
    assert earlier.frame.filter(pl.col("iso3") == "AAA")["value"].to_list() == [3.0]


def test_map_model_lens_lists_every_nominating_state(syn):
    model = view.map_model(syn, "synthetic-status", None, 2030, EN)
    nominated = syn["candidacies"].explode("nominating_states_iso3")
    assert model.lens_title == EN("map.lens_title", cycle=2030)
    assert model.lens_sentence == EN(
        "map.lens_intro", cycle=2030, n=nominated["nominating_states_iso3"].n_unique()
    )
    assert model.lens_csv.height == nominated.height
    no_value = model.lens_csv.filter(pl.col("iso3") == "CCC")["value_text"].to_list()
    assert no_value == [EN("map.no_data")]  # a gap, said in words
    assert "person_id" not in model.lens_table.columns
    outline = [tr for tr in model.figure.data if (tr.meta or {}).get("lens")][0]
    assert set(outline.locations) == set(nominated["nominating_states_iso3"])
    empty = view.map_model(
        syn | {"candidacies": syn["candidacies"].clear()}, "synthetic-status", None, 2030, EN
    )
    assert empty.lens_sentence == EN("map.lens_empty", cycle=2030) and empty.lens_table is None


def test_country_model_of_a_state_with_missions_and_a_candidacy(syn):
    model = view.country_model(syn, "BBB", EN)
    assert model.title == EN("map.country_title", name="Bland", iso3="BBB")
    known = syn["indicator_values"].filter(pl.col("iso3") == "BBB")["indicator_id"].n_unique()
    assert model.intro == EN("map.country_intro", n=known, total=syn["indicators"].height)
    assert model.panel.height == syn["indicators"].height
    assert model.panel[EN("map.col_value")].to_list()[1] == EN("map.no_data")
    here = syn["peacekeeping_missions"].filter(pl.col("country_iso3").list.contains("BBB"))
    assert model.missions_sentence == EN("map.country_missions", n=here.height)
    assert model.missions[EN("map.col_acronym")].to_list() == ["SYNA", "SYNB"]  # active first
    assert model.missions[EN("map.col_dates")].to_list()[1] == EN(
        "map.dates", start=EN.date(date(2017, 1, 1)), end=EN.date(date(2019, 6, 30))
    )
    assert model.vetoes is None and model.vetoes_sentence is None
    assert model.candidacies == (
        (2030, "bo-beta", EN("map.candidacy_link", name="Bo Beta", cycle=2030)),
    )


def test_country_model_of_a_territory_without_missions_or_candidacies(syn):
    model = view.country_model(syn, "XTR", EN)
    assert model.missions is None
    assert model.missions_sentence == EN("map.country_no_missions")
    assert model.candidacies == ()
    assert model.candidacies_sentence == EN("map.country_no_candidacies")


def test_map_lookups_options_and_missions_section(syn):
    lookups = view.map_lookups(syn, EN)
    ids = [i for i, _ in lookups.indicators]
    assert ids == ["synthetic-status", "synthetic-count"]  # by priority
    assert lookups.default_indicator == ids[0]  # the usual default is not in this package
    assert lookups.cycles == (view.NO_LENS, "2030")
    assert {i for i, _ in lookups.countries} == _members_of(syn) | {"XTR"}
    missions = syn["peacekeeping_missions"]
    active = missions.filter(pl.col("status") == "active").height
    assert lookups.pk_intro == EN("map.pk_intro", n=missions.height, active=active)
    assert lookups.missions_table["dates"].to_list()[0] == EN(
        "map.dates", start=EN.date(date(2020, 1, 1)), end=EN("map.open_ended")
    )
    assert "country_iso3" not in lookups.missions_csv.columns


def test_models_write_dates_in_their_language(syn):
    fr = Words("fr")
    lookups = view.map_lookups(syn, fr)
    assert lookups.missions_table["dates"].to_list()[0].startswith(fr.date(date(2020, 1, 1)))
    assert fr.date(date(2020, 1, 1)) != EN.date(date(2020, 1, 1))
    notice = view.year_notice(syn["indicators"], "synthetic-status", "1999", fr)
    assert "1999" in notice and notice != view.year_notice(
        syn["indicators"], "synthetic-status", "1999", EN
    )
