"""Map view model: every UN member is on the map, gaps stay gaps, the time models read the
long table as documented, and the country panel, lens and missions frames say what a user
would notice."""

from __future__ import annotations

import polars as pl
import pytest

from views import map as view


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
