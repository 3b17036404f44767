"""The map page's pieces: the indicator choropleth (built by `views.map_figure`) with the shared
offline config and click selection, the missions map (pydeck) on the local blank style, never a
tile server (see docs/OFFLINE.md), and the country panel and peacekeeping section as rendered.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import plotly.graph_objects as go
import polars as pl
import pydeck as pdk
import streamlit as st

from components.charts import PLOTLY_CONFIG, csv_download
from components.i18n import format_date, t
from components.layout import candidate_link, fit_table, fitted_columns, source_note
from loaders import Package
from views.map import CountryModel, MapLookups

__all__ = [
    "BLANK_STYLE",
    "countries_geojson",
    "show_map",
    "clicked_location",
    "mission_style",
    "peacekeeping_deck",
    "show_country",
    "show_missions",
]

STATIC = Path(__file__).resolve().parent.parent / "static"
BLANK_STYLE = "/app/static/map/blank_style.json"


@st.cache_resource(show_spinner=False)
def countries_geojson(resolution: int = 110) -> dict:
    """Country polygons (properties iso3, name) from `static/geo/`, read once per process."""
    return json.loads((STATIC / "geo" / f"countries_{resolution}m.geojson").read_text("utf-8"))


def show_map(fig: go.Figure, *, key: str):
    """Render a geo figure with the shared offline config; a click selects a country.

    Returns the selection event (see `clicked_location`).
    """
    return st.plotly_chart(
        fig,
        key=key,
        config=PLOTLY_CONFIG,
        width="stretch",
        on_select="rerun",
        selection_mode="points",
    )


def clicked_location(event) -> str | None:
    """The ISO-3 code of the country clicked on the map, from a plotly selection event (or None)."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return None
    for point in points or []:
        location = point.get("location")
        if isinstance(location, str) and location:
            return location
    return None


# Okabe-Ito: blue = active, orange = closed; a thick dark ring = protection-of-civilians mandate.
MISSION_COLORS = {"active": [0, 114, 178, 230], "closed": [230, 159, 0, 230]}
POC_STYLE = {  # radius (px), ring colour, ring width (px)
    "yes": (10, [26, 31, 36, 255], 3),
    "unknown": (7, [120, 120, 120, 255], 1.5),
    "no": (6, [255, 255, 255, 255], 1),
}


def mission_style() -> dict:
    """Colours and ring styles of the missions map, for the legend in words."""
    return {"status": MISSION_COLORS, "poc": POC_STYLE}


GEOJSON_URL = "/app/static/geo/countries_110m.geojson"


@st.cache_resource(show_spinner=False, max_entries=4)
def _host_geojson(hosts: tuple[str, ...]) -> dict:
    """The polygons of the mission host countries only (a small part of the 1:110m file)."""
    data = countries_geojson(110)
    features = [f for f in data["features"] if f["properties"].get("iso3") in hosts]
    return {"type": "FeatureCollection", "features": features}


def _countries_layer(data, *, fill: list[int]) -> pdk.Layer:
    """Country shapes in one grey, white borders, not clickable (the base of the missions map)."""
    return pdk.Layer(
        "GeoJsonLayer",
        data=data,
        stroked=True,
        filled=True,
        get_fill_color=fill,
        get_line_color=[255, 255, 255],
        line_width_min_pixels=0.5,
        pickable=False,
    )


def peacekeeping_deck(missions: pl.DataFrame, *, texts: dict[str, str]) -> pdk.Deck:
    """Missions as points over the country polygons, on the local blank style.

    `missions` is `views.map.missions_frame(...)`; `texts` gives the words of the tooltip:
    status_active, status_closed, poc_yes, poc_no, poc_unknown, poc_label, open_ended, dates.
    """
    hosts = tuple(sorted(missions["country_iso3"].explode().drop_nulls().unique().to_list()))
    points = []
    for row in missions.filter(pl.col("lat").is_not_null()).iter_rows(named=True):
        radius, ring, ring_width = POC_STYLE.get(row["poc_mandate"], POC_STYLE["unknown"])
        end = format_date(row["end_date"]) if row["end_date"] else texts["open_ended"]
        start = format_date(row["start_date"]) if row["start_date"] else "?"
        poc = t(
            "common.labelled", label=texts["poc_label"], value=texts["poc_" + row["poc_mandate"]]
        )
        tip = (
            f"<b>{html.escape(row['acronym'])}</b> — {html.escape(row['name'])}<br/>"
            f"{html.escape(row['countries'])}<br/>"
            f"{texts['status_' + row['status']]} · "
            f"{texts['dates'].format(start=start, end=end)}<br/>"
            f"{poc}"
        )
        points.append(
            {
                "lon": row["lon"],
                "lat": row["lat"],
                "fill": MISSION_COLORS.get(row["status"], [120, 120, 120, 230]),
                "ring": ring,
                "ring_width": ring_width,
                "radius": radius,
                "tip": tip,
            }
        )
    # All countries come from the static file by URL (the browser fetches it once from this app,
    # instead of ~1 MB of JSON in every rerun); the host countries, a shade darker, are embedded.
    layers = [
        _countries_layer(GEOJSON_URL, fill=[228, 232, 236]),
        _countries_layer(_host_geojson(hosts), fill=[196, 204, 213]),
        pdk.Layer(
            "ScatterplotLayer",
            data=points,
            get_position="[lon, lat]",
            get_fill_color="fill",
            get_line_color="ring",
            get_line_width="ring_width",
            line_width_units="pixels",
            get_radius="radius",
            radius_units="pixels",
            stroked=True,
            pickable=True,
        ),
    ]
    return pdk.Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(latitude=15, longitude=20, zoom=1.4),
        map_style=BLANK_STYLE,
        tooltip={
            "html": "{tip}",
            "style": {"backgroundColor": "#1a1f24", "color": "#ffffff", "fontSize": "13px"},
        },
    )


def show_country(package: Package, panel: CountryModel) -> None:
    """The country panel (`views.map.country_model`): indicators, vetoes, missions, candidacies."""
    st.subheader(panel.title)
    st.markdown(panel.intro)
    fit_table(panel.panel, key="country_panel", markdown=[t("map.col_source")])
    csv_download(panel.panel_csv, f"country-{panel.iso3}-indicators", key="download_country")
    source_note(package, "indicators", "indicator_values")
    if panel.vetoes is not None:
        st.markdown(panel.vetoes_sentence)
        st.dataframe(
            panel.vetoes, hide_index=True, width="stretch", column_config=panel.veto_columns
        )
        source_note(package, "sc_vetoes")
    st.markdown(panel.missions_sentence)
    if panel.missions is not None:
        fit_table(panel.missions, key="country_missions")
    st.markdown(panel.candidacies_sentence)
    for cycle, person_id, label in panel.candidacies:
        candidate_link(cycle, person_id, label)
    if panel.candidacies:
        source_note(package, "candidacies")


def show_missions(package: Package, lookups: MapLookups, deck: pdk.Deck, table) -> None:
    """The peacekeeping section: intro, the missions map (`deck`), legend, and the missions
    `table` (the Arrow form of `lookups.missions_table`) with its CSV."""
    st.subheader(t("map.pk_title"))
    st.markdown(lookups.pk_intro)
    st.pydeck_chart(deck, key="pk_map", height=480)
    st.markdown(t("map.pk_legend"))
    source_note(package, "peacekeeping_missions")
    columns = {
        "acronym": t("map.col_acronym"),
        "name": t("map.col_mission"),
        "countries": t("map.col_countries"),
        "status": t("map.col_status"),
        "dates": t("map.col_dates"),
        "poc_mandate": t("map.col_poc"),
        "hq_city": t("map.col_hq"),
        "source_url": st.column_config.ListColumn(t("map.col_sources")),
    }
    st.dataframe(
        table, hide_index=True, width="stretch", column_config=fitted_columns(table, columns)
    )
    csv_download(lookups.missions_csv, "peacekeeping-missions", key="download_missions")
