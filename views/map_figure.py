"""The indicator map as a Plotly geo figure (no Streamlit): one trace per legend class, dots for
the states too small for the shapes, and the candidates' lens.

Plotly geo charts draw from `static/topojson/` (served at `/app/static/topojson/`, set by
`components.charts.PLOTLY_CONFIG["topojsonURL"]`), at resolution 50 so that small states have a
shape. See docs/OFFLINE.md.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

import plotly.graph_objects as go
import polars as pl

from views.text import chart_text, is_http_url
from views.words import Words

__all__ = ["GEO_RESOLUTION", "topojson_ids", "choropleth_figure"]

STATIC = Path(__file__).resolve().parent.parent / "static"
GEO_RESOLUTION = 50  # 1:50m: every UN member but Tuvalu has a shape (1:110m lacks 28 of them)
BORDER = "#ffffff"
LENS_COLOR = "#000000"
SMALL_STATE_LINE = "#333333"


@cache
def topojson_ids(resolution: int) -> frozenset[str]:
    """ISO-3 ids of the country shapes in the local world topojson at `resolution` (50 or 110)."""
    data = json.loads((STATIC / "topojson" / f"world_{resolution}m.json").read_text("utf-8"))
    return frozenset(g.get("id") for g in data["objects"]["countries"]["geometries"] if g.get("id"))


def _host(url: str | None) -> str | None:
    if not is_http_url(url):
        return None
    return urlparse(url).hostname


def _hover_rows(
    frame: pl.DataFrame, indicator: dict, year: int | None, words: Words
) -> list[list[str]]:
    """[name, value line, year line, note, source line] for each row of the map frame."""
    model = indicator["time_model"]
    rows = []
    for row in frame.iter_rows(named=True):
        if row["value_text"] is None:
            value, when = row["label"], ""
        else:
            value = row["value_text"]
            if model == "annual":
                when = words("map.hover_year", year=row["year"])
            elif model == "event" and year is not None:
                when = words("map.hover_event_year", year=row["year"], selected=year)
            else:
                when = words("map.hover_as_of", year=row["year"])
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
                words("map.hover_source", source=chart_text(source))
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
    classes: list,
    indicator: dict,
    year: int | None,
    *,
    legend_title: str,
    lens: pl.DataFrame | None = None,
    lens_name: str = "",
    small_states_name: str = "",
    words: Words,
) -> tuple[go.Figure, list[str]]:
    """The indicator map and the iso3 codes drawn as dots (states too small for, or missing from,
    the topojson shapes).

    `classes` are the legend's `views.map.MapClass`es. One choropleth trace per legend class
    (legend order = class order, "no data" last), all with
    ISO-3 locations; a scattergeo trace of dots for small states, coloured by their class; with
    `lens`, an outline trace and star markers for the nominating states.
    """
    hover = _hover_rows(frame, indicator, year, words)
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
