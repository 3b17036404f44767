"""Map page, opened as shared links and driven by widget key. Expected counts come from the
package; the rerun timing lives in `benchmarks/map_switch.py`."""

from __future__ import annotations

import json

import polars as pl

from components.charts import PLOTLY_CONFIG
from tests.pages.apptest import notices, open_page, plotly_specs, texts
from views.map_figure import topojson_ids


def _choropleths(spec: dict) -> list[dict]:
    return [
        tr for tr in spec["data"] if tr["type"] == "choropleth" and "class_id" in tr.get("meta", {})
    ]


def _latest_year(package, indicator: str) -> int:
    return package["indicator_values"].filter(pl.col("indicator_id") == indicator)["year"].max()


def _members(package) -> set[str]:
    return set(package["countries"].filter(pl.col("un_member"))["iso3"])


def test_default_link_draws_every_un_member_in_its_class(package):
    at = open_page("map", indicator="death-penalty-status")
    assert at.selectbox(key="indicator").value == "death-penalty-status"
    spec = plotly_specs(at)[0]
    traces = _choropleths(spec)
    assert all(tr["locationmode"] == "ISO-3" for tr in traces)
    located = [loc for tr in traces for loc in tr.get("locations", [])]
    assert len(located) == len(set(located))
    assert _members(package) <= set(located)
    names = [tr["name"] for tr in traces]
    assert names[-1].startswith("No data")  # its own legend entry, last
    assert names[0].startswith("Abolitionist for all crimes")
    assert spec["layout"]["geo"]["resolution"] == 50
    # states missing from (or too small for) the shapes are dots too
    dots = [
        tr
        for tr in spec["data"]
        if tr["type"] == "scattergeo" and "small_states" in tr.get("meta", {})
    ]
    assert dots and "TUV" in dots[0]["meta"]["small_states"]
    assert not (_members(package) - topojson_ids(50)) - set(dots[0]["meta"]["small_states"])


def test_chart_uses_the_local_topojson():
    at = open_page("map")
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["topojsonURL"] == PLOTLY_CONFIG["topojsonURL"] == "/app/static/topojson/"


def test_snapshot_has_no_year_control_and_ignores_a_year_with_notice():
    at = open_page("map", indicator="death-penalty-status", year="2010")
    assert not [s for s in at.selectbox if s.key == "year"]
    assert "year" in notices(at) and "2010" in notices(at)
    assert "year" not in at.query_params


def test_annual_indicator_has_a_year_control_defaulting_to_the_latest(package):
    at = open_page("map", indicator="unga-moratorium-vote")
    years = package["indicator_values"].filter(pl.col("indicator_id") == "unga-moratorium-vote")[
        "year"
    ]
    assert at.selectbox(key="year").value == str(years.max())
    at = open_page("map", indicator="unga-moratorium-vote", year="2007")
    assert at.selectbox(key="year").value == "2007"
    body = texts(at)
    assert "in 2007" in body
    traces = _choropleths(plotly_specs(at)[0])
    no_data = [tr for tr in traces if tr["meta"]["class_id"] == "no-data"][0]
    assert "SSD" in no_data["locations"]  # not yet a member in 2007: a gap


def test_event_indicator_reads_latest_value_at_or_before_the_year():
    at = open_page("map", indicator="women-in-parliament", year="2010")
    assert at.selectbox(key="year").value == "2010"
    traces = _choropleths(plotly_specs(at)[0])
    hovers = [h for tr in traces for h in tr.get("customdata", [])]
    assert any("latest at or before 2010" in h[2] for h in hovers)


def test_bad_values_fall_back_to_defaults_with_notices(package):
    at = open_page("map", indicator="bogus", country="XXX", cycle="1800")
    assert at.selectbox(key="indicator").value == "death-penalty-status"
    assert at.selectbox(key="country").value == ""
    assert at.selectbox(key="cycle").value == "none"
    shown = notices(at)
    for key, value in [("indicator", "bogus"), ("country", "XXX"), ("cycle", "1800")]:
        assert key in shown and value in shown
    at = open_page("map", indicator="refugees-hosted", year="1800")
    assert at.selectbox(key="year").value == str(_latest_year(package, "refugees-hosted"))
    assert "1800" in notices(at)


def test_changing_indicator_drops_a_year_that_does_not_apply():
    at = open_page("map", indicator="refugees-hosted", year="1960")
    at.selectbox(key="indicator").set_value("death-penalty-status").run()
    assert not at.exception
    assert "year" not in at.query_params
    assert "year" not in notices(at)


def test_country_panel_shows_indicators_vetoes_missions_and_candidacies(package):
    at = open_page("map", country="USA")
    body = texts(at)
    (name,) = package["countries"].filter(pl.col("iso3") == "USA")["name"]
    assert f"{name} (USA)" in body
    assert "Security Council vetoes" in body
    at = open_page("map", country="CRI")
    nominated = package["candidacies"].filter(pl.col("nominating_states_iso3").list.contains("CRI"))
    assert nominated.height >= 2  # Figueres 2016, Grynspan 2026
    assert f"Candidacies it nominated:** {nominated.height}" in texts(at)
    at = open_page("map", country="SDN")
    missions = package["peacekeeping_missions"].filter(pl.col("country_iso3").list.contains("SDN"))
    assert missions.height >= 2  # UNAMID, UNISFA
    assert f"Peacekeeping missions here since 2016:** {missions.height}" in texts(at)


def test_lens_outlines_nominating_states_and_lists_them(package):
    at = open_page("map", cycle="2016")
    spec = plotly_specs(at)[0]
    lens = [tr for tr in spec["data"] if tr.get("meta", {}).get("lens")]
    cands = package["candidacies"].filter(pl.col("cycle") == 2016)
    expected = {s for states in cands["nominating_states_iso3"] for s in states}
    outline = [tr for tr in lens if tr["type"] == "choropleth"][0]
    assert set(outline["locations"]) == expected
    assert outline["marker"]["line"]["width"] >= 2
    assert "Nominating states, 2016 selection cycle" in texts(at)


def test_peacekeeping_map_is_offline_with_missions(package):
    at = open_page("map")
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    assert deck["mapStyle"] == "/app/static/map/blank_style.json"
    points = [layer for layer in deck["layers"] if layer["@@type"] == "ScatterplotLayer"][0]
    assert len(points["data"]) == package["peacekeeping_missions"].height
