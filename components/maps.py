"""Offline map figures: the indicator choropleth (Plotly geo) and the missions map (pydeck).

Plotly geo charts draw from `static/topojson/` (served at `/app/static/topojson/`, set by
`PLOTLY_CONFIG["topojsonURL"]`), at resolution 50 so that small states have a shape. The pydeck map
uses the local blank style, never a tile server. See docs/OFFLINE.md.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

import plotly.graph_objects as go
import polars as pl
import pydeck as pdk
import streamlit as st

from components.charts import PLOTLY_CONFIG
from components.i18n import t
from views import map as view
from views.map import MapClass
from views.text import chart_text, is_http_url

__all__ = [
    "GEO_RESOLUTION",
    "BLANK_STYLE",
    "topojson_ids",
    "countries_geojson",
    "choropleth_figure",
    "show_map",
    "clicked_location",
    "mission_style",
    "peacekeeping_deck",
    "IndicatorMap",
    "indicator_map",
]

STATIC = Path(__file__).resolve().parent.parent / "static"
GEO_RESOLUTION = 50  # 1:50m: every UN member but Tuvalu has a shape (1:110m lacks 28 of them)
BLANK_STYLE = "/app/static/map/blank_style.json"
BORDER = "#ffffff"
LENS_COLOR = "#000000"
SMALL_STATE_LINE = "#333333"


@cache
def topojson_ids(resolution: int) -> frozenset[str]:
    """ISO-3 ids of the country shapes in the local world topojson at `resolution` (50 or 110)."""
    data = json.loads((STATIC / "topojson" / f"world_{resolution}m.json").read_text("utf-8"))
    return frozenset(g.get("id") for g in data["objects"]["countries"]["geometries"] if g.get("id"))


@st.cache_resource(show_spinner=False)
def countries_geojson(resolution: int = 110) -> dict:
    """Country polygons (properties iso3, name) from `static/geo/`, read once per process."""
    return json.loads((STATIC / "geo" / f"countries_{resolution}m.geojson").read_text("utf-8"))


def _host(url: str | None) -> str | None:
    if not is_http_url(url):
        return None
    return urlparse(url).hostname


def _hover_rows(frame: pl.DataFrame, indicator: dict, year: int | None) -> list[list[str]]:
    """[name, value line, year line, note, source line] for each row of the map frame."""
    model = indicator["time_model"]
    rows = []
    for row in frame.iter_rows(named=True):
        if row["value_text"] is None:
            value, when = row["label"], ""
        else:
            value = row["value_text"]
            if model == "annual":
                when = t("map.hover_year", year=row["year"])
            elif model == "event" and year is not None:
                when = t("map.hover_event_year", year=row["year"], selected=year)
            else:
                when = t("map.hover_as_of", year=row["year"])
        source = indicator["source_name"]
        host = _host((row["source_url"] or [None])[0]) if row["value_text"] is not None else None
        if host:
            source = f"{source} ({host})"
        note = row["note"] or ""
        rows.append(
            [
                chart_text(row["name"]),
                chart_text(f"{indicator['title']}: {value}"),
                when,
                chart_text(note),
                t("map.hover_source", source=chart_text(source))
                if row["value_text"] is not None
                else "",
            ]
        )
    return rows


HOVER = (
    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<br>%{customdata[3]}"
    "<br>%{customdata[4]}<extra></extra>"
)


def choropleth_figure(
    frame: pl.DataFrame,
    classes: list[MapClass],
    indicator: dict,
    year: int | None,
    *,
    legend_title: str,
    lens: pl.DataFrame | None = None,
    lens_name: str = "",
    small_states_name: str = "",
) -> tuple[go.Figure, list[str]]:
    """The indicator map and the iso3 codes drawn as dots (states too small for, or missing from,
    the topojson shapes).

    One choropleth trace per legend class (legend order = class order, "no data" last), all with
    ISO-3 locations; a scattergeo trace of dots for small states, coloured by their class; with
    `lens`, an outline trace and star markers for the nominating states.
    """
    hover = _hover_rows(frame, indicator, year)
    frame = frame.with_columns(pl.Series("hover", hover, dtype=pl.List(pl.String)))
    fig = go.Figure()
    for cls in classes:
        rows = frame.filter(pl.col("class_id") == cls.class_id)
        fig.add_trace(
            go.Choropleth(
                locations=rows["iso3"].to_list(),
                z=[0] * rows.height,
                locationmode="ISO-3",
                colorscale=[[0, cls.color], [1, cls.color]],
                showscale=False,
                showlegend=True,
                name=f"{chart_text(cls.label)} ({rows.height})",
                legendgroup=cls.class_id,
                customdata=rows["hover"].to_list(),
                hovertemplate=HOVER,
                marker={"line": {"color": BORDER, "width": 0.4}},
                meta={"class_id": cls.class_id},
            )
        )
        if rows.height == 0:  # plotly hides the legend entry of an empty choropleth: keep it named
            fig.add_trace(
                go.Scattergeo(
                    lon=[None],
                    lat=[None],
                    mode="markers",
                    marker={"symbol": "square", "size": 11, "color": cls.color},
                    name=f"{chart_text(cls.label)} (0)",
                    legendgroup=cls.class_id,
                    showlegend=True,
                    hoverinfo="skip",
                    meta={"legend_only": cls.class_id},
                )
            )
    shapes_110 = topojson_ids(110)
    small = frame.filter(
        ~pl.col("iso3").is_in(list(shapes_110))
        & pl.col("lat").is_not_null()
        & pl.col("lon").is_not_null()
    )
    if small.height:
        fig.add_trace(
            go.Scattergeo(
                lon=small["lon"].to_list(),
                lat=small["lat"].to_list(),
                locations=None,
                mode="markers",
                marker={
                    "size": 7,
                    "color": small["color"].to_list(),
                    "line": {"color": SMALL_STATE_LINE, "width": 0.8},
                },
                name=small_states_name,
                showlegend=False,
                customdata=small["hover"].to_list(),
                hovertemplate=HOVER,
                meta={"small_states": small["iso3"].to_list()},
            )
        )
    if lens is not None and lens.height:
        states = lens.group_by("iso3", maintain_order=True).agg(
            pl.col("state").first(),
            pl.col("lat").first(),
            pl.col("lon").first(),
            pl.col("candidate").unique(maintain_order=True).str.join(", "),
        )
        lens_hover = [
            f"<b>{chart_text(s)}</b><br>{chart_text(c)}"
            for s, c in states.select("state", "candidate").iter_rows()
        ]
        fig.add_trace(
            go.Choropleth(
                locations=states["iso3"].to_list(),
                z=[0] * states.height,
                locationmode="ISO-3",
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                showscale=False,
                showlegend=False,
                legendgroup="lens",
                marker={"line": {"color": LENS_COLOR, "width": 2.5}},
                text=lens_hover,
                hovertemplate="%{text}<extra></extra>",
                meta={"lens": True},
            )
        )
        placed = states.filter(pl.col("lat").is_not_null())
        fig.add_trace(
            go.Scattergeo(
                lon=placed["lon"].to_list(),
                lat=placed["lat"].to_list(),
                mode="markers",
                marker={
                    "symbol": "star",
                    "size": 13,
                    "color": "#ffffff",
                    "line": {"color": LENS_COLOR, "width": 1.6},
                },
                name=lens_name,
                legendgroup="lens",
                showlegend=True,
                text=[
                    h for h, lat in zip(lens_hover, states["lat"], strict=True) if lat is not None
                ],
                hovertemplate="%{text}<extra></extra>",
                meta={"lens": True},
            )
        )
    fig.update_geos(
        resolution=GEO_RESOLUTION,
        projection_type="natural earth",
        showframe=False,
        showcoastlines=False,
        showcountries=False,
        showland=True,
        landcolor="#f0f0f0",
        showocean=False,
        showlakes=False,
        lataxis_range=[-58, 85],
        bgcolor="rgba(0,0,0,0)",
    )
    fig.update_layout(
        height=600,  # room for the legend under the map when a phone wraps it onto many lines
        margin={"l": 0, "r": 0, "t": 10, "b": 10},
        legend={
            "title": {"text": legend_title, "side": "top"},
            "orientation": "h",
            "x": 0.0,
            "y": 0.0,
            "xanchor": "left",
            "yanchor": "top",
            "itemclick": False,
            "itemdoubleclick": False,
        },
        clickmode="event+select",
        dragmode=False,
    )
    return fig, small["iso3"].to_list()


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


def peacekeeping_deck(missions: pl.DataFrame, *, texts: dict[str, str]) -> pdk.Deck:
    """Missions as points over the country polygons, on the local blank style.

    `missions` is `views.map.missions_frame(...)`; `texts` gives the words of the tooltip:
    status_active, status_closed, poc_yes, poc_no, poc_unknown, poc_label, open_ended, dates.
    """
    hosts = tuple(sorted(missions["country_iso3"].explode().drop_nulls().unique().to_list()))
    points = []
    for row in missions.filter(pl.col("lat").is_not_null()).iter_rows(named=True):
        radius, ring, ring_width = POC_STYLE.get(row["poc_mandate"], POC_STYLE["unknown"])
        end = row["end_date"].isoformat() if row["end_date"] else texts["open_ended"]
        start = row["start_date"].isoformat() if row["start_date"] else "?"
        tip = (
            f"<b>{html.escape(row['acronym'])}</b> — {html.escape(row['name'])}<br/>"
            f"{html.escape(row['countries'])}<br/>"
            f"{texts['status_' + row['status']]} · "
            f"{texts['dates'].format(start=start, end=end)}<br/>"
            f"{texts['poc_label']}: {texts['poc_' + row['poc_mandate']]}"
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
        pdk.Layer(
            "GeoJsonLayer",
            data=GEOJSON_URL,
            stroked=True,
            filled=True,
            get_fill_color=[228, 232, 236],
            get_line_color=[255, 255, 255],
            line_width_min_pixels=0.5,
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            data=_host_geojson(hosts),
            stroked=True,
            filled=True,
            get_fill_color=[196, 204, 213],
            get_line_color=[255, 255, 255],
            line_width_min_pixels=0.5,
            pickable=False,
        ),
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


@dataclass(frozen=True)
class IndicatorMap:
    """Everything the map section shows for one indicator, year and lens (built once, shared)."""

    frame: pl.DataFrame
    classes: list[MapClass]
    lens: pl.DataFrame | None
    figure: go.Figure
    dots: list[str]


@st.cache_resource(show_spinner=False, max_entries=64)
def indicator_map(
    _tables: dict[str, pl.DataFrame],
    version: str,
    indicator_id: str,
    year: int | None,
    cycle: int | None,
    language: str,
) -> IndicatorMap:
    """The map frame, legend classes, lens rows and figure, cached per data version and filters.

    `version` and `language` are part of the key only (the tables and the labels depend on them).
    """
    indicator = view.indicator_row(_tables["indicators"], indicator_id)
    if indicator_id == view.VETO_INDICATOR:
        no_data = t("map.no_veto")  # true of every state in the class, whatever the year
    elif view.is_partial(indicator):
        no_data = t("map.not_in_partial_list")
    else:
        no_data = t("map.no_data")
    classes = view.indicator_classes(indicator, _tables["indicator_values"], no_data)
    frame = view.map_frame(_tables, indicator, year, classes)
    lens = view.lens_frame(_tables, cycle, frame) if cycle is not None else None
    title = indicator["title"] if indicator["kind"] == "categorical" else indicator["unit"]
    figure, dots = choropleth_figure(
        frame,
        classes,
        indicator,
        year,
        legend_title=f"<b>{chart_text(title)}</b>",
        lens=lens,
        lens_name=t("map.lens_legend", cycle=cycle) if cycle is not None else "",
        small_states_name=t("map.small_states_legend"),
    )
    return IndicatorMap(frame, classes, lens, figure, dots)
