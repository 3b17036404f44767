"""The commitment radar: candidacies on the eight priorities, with gaps drawn as gaps.

`radar_figure` takes the frame from `views.compare.radar_data` (one row per candidacy × priority)
and returns a Plotly figure:
- one trace per candidacy (meta kind "candidacy"), eight points in the fixed p1..p8 order; a null
  level stays None, so the line breaks there — silent, declined and not assessed are never 0;
- one trace per gap status present (meta kind "gap"), named in the legend by the status word, with
  the status's marker symbol on a ring outside "specific", one ring per candidacy, in its colour;
- provisional points have open markers and a dashed line, reviewed points filled markers and a solid
  line; legend-only entries (meta kind "key") say so.
Markers are dodged: each candidacy sits at its own angle beside every spoke, so none hides another.
Level n is drawn on ring n + 1 (`contradicts`, a real 0, on the labelled innermost ring), leaving
the centre free.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl

from loaders.schema import LEVELS
from views.commitments import GAP_STATUSES
from views.palette import SERIES_COLORS, STATUS_STYLE
from views.text import chart_text, md_link, md_text
from views.words import Words

__all__ = [
    "CANDIDATE_COLORS",
    "CANDIDATE_SYMBOLS",
    "GAP_STATUSES",
    "RadarText",
    "radar_text",
    "radar_figure",
    "dodge_offsets",
    "dodged_theta",
    "statement_line",
]

# Okabe-Ito; each candidacy also has its own marker shape, so colour is not the only carrier.
CANDIDATE_COLORS = SERIES_COLORS[:6]
CANDIDATE_SYMBOLS = ("diamond", "triangle-up", "star", "hexagon", "pentagon", "hourglass")
LEVEL_STATUSES = LEVELS  # levels 0..3
# Level n is drawn on ring n + 1: the centre stays free, so markers beside a spoke have room and
# the ring labels (between the P8 and P1 spokes) stay clear of them. `contradicts` (0) is ring 1.
RING_OFFSET = 1
GAP_RING = 3 + RING_OFFSET + 0.45  # gap marks sit outside the "specific" ring, one per candidacy
GAP_STEP = 0.2
DODGE_ARC = 10.0  # degrees between neighbouring candidacies' markers on ring 1 (about 8 px)


@dataclass(frozen=True)
class RadarText:
    """The words a radar needs, in the page's language."""

    status: dict[str, str]  # status → word, as in the legend ('silent — searched, nothing found')
    cell: dict[str, str]  # status → symbol and word, plus 'provisional' / 'reviewed' (table cells)
    provisional_key: str
    reviewed_key: str
    gap_hover: str  # '{name} · {axis}: {status}'


def radar_text(words: Words) -> RadarText:
    """The radar's words from the catalogues (common.status_*, compare.radar_*)."""
    status = {s: words(f"common.status_{s}") for s in STATUS_STYLE}
    cell = {s: f"{STATUS_STYLE[s]['symbol']} {word}" for s, word in status.items()}
    cell |= {"provisional": words("common.provisional"), "reviewed": words("common.reviewed")}
    return RadarText(
        status=status,
        cell=cell,
        provisional_key=words("compare.radar_provisional"),
        reviewed_key=words("compare.radar_reviewed"),
        gap_hover=words("compare.radar_gap_hover"),
    )


def _wrap(label: str, width: int = 16) -> str:
    """An axis label broken into lines of about `width` characters (for the rim of the radar)."""
    lines, line = [], ""
    for word in label.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


def _open(symbol: str) -> str:
    return f"{symbol}-open"


def _spoke_angles(n_axes: int) -> list[float]:
    """The angle (degrees) of each axis's spoke, p1 first."""
    return [i * 360 / n_axes for i in range(n_axes)] if n_axes else []


def dodge_offsets(n_people: int) -> list[float]:
    """Each candidacy's place beside the spoke, in marker widths: [-0.5, 0.5] for two, ..."""
    return [j - (n_people - 1) / 2 for j in range(n_people)]


def dodged_theta(spoke: float, offset: float, r: float) -> float:
    """The angle of a marker `offset` marker-widths beside `spoke` at radius `r`: the angular step
    shrinks as r grows, so neighbours stay about one marker apart on every ring."""
    return spoke + offset * DODGE_ARC / max(r, 1.0)


def radar_figure(data: pl.DataFrame, text: RadarText, *, height: int = 600) -> go.Figure:
    """The radar of `data` (columns as `views.compare.radar_data`), candidacies in row order.

    Each candidacy's markers sit beside the spoke at its own angle (dodged), so candidacies at the
    same level never hide each other; theta is in degrees, r is the level + RING_OFFSET, and
    `meta["axes"]` / `meta["levels"]` give each point's axis and level.
    """
    fig = go.Figure()
    axes = list(dict.fromkeys(data["axis"])) if data.height else []
    spokes = dict(zip(axes, _spoke_angles(len(axes)), strict=True))
    people = list(dict.fromkeys(data["person_id"])) if data.height else []
    offsets = dict(zip(people, dodge_offsets(len(people)), strict=True))
    reviews = set(data["review"].drop_nulls()) if data.height else set()

    for i, pid in enumerate(people):
        rows = data.filter(pl.col("person_id") == pid)
        color = CANDIDATE_COLORS[i % len(CANDIDATE_COLORS)]
        shape = CANDIDATE_SYMBOLS[i % len(CANDIDATE_SYMBOLS)]
        name = rows["name"][0]
        levels = rows["level"].to_list()
        # None where there is no level: the line breaks, nothing is drawn at 0.
        shown = [None if v is None else v + RING_OFFSET for v in levels]
        point_axes = rows["axis"].to_list()
        theta = [
            dodged_theta(spokes[a], offsets[pid], r if r is not None else GAP_RING)
            for a, r in zip(point_axes, shown, strict=True)
        ]
        review = rows["review"].to_list()
        dash = "dash" if "provisional" in review else "solid"
        cells = [
            text.cell.get(s, s) + (f" · {text.cell.get(r, r)}" if r else "")
            for s, r in zip(rows["status"], review, strict=True)
        ]
        fig.add_trace(
            go.Scatterpolar(
                r=shown,
                theta=theta,
                thetaunit="degrees",
                mode="lines+markers",
                connectgaps=False,
                name=chart_text(name),
                legendgroup=pid,
                line={"color": color, "width": 2.5, "dash": dash},
                marker={
                    "size": 12,
                    "color": color,
                    "symbol": [shape if r == "reviewed" else _open(shape) for r in review],
                    "line": {"width": 2, "color": color},
                },
                customdata=[
                    [chart_text(a), chart_text(c)] for a, c in zip(point_axes, cells, strict=True)
                ],
                hovertemplate=(
                    "<b>%{fullData.name}</b><br>%{customdata[0]}<br>%{customdata[1]}<extra></extra>"
                ),
                meta={"kind": "candidacy", "person_id": pid, "axes": point_axes, "levels": levels},
            )
        )
        # Close the loop (p8 back to p1) only when both ends have a level.
        if shown and shown[0] is not None and shown[-1] is not None:
            fig.add_trace(
                go.Scatterpolar(
                    r=[shown[-1], shown[0]],
                    theta=[theta[-1], theta[0] + 360],
                    thetaunit="degrees",
                    mode="lines",
                    line={"color": color, "width": 2.5, "dash": dash},
                    legendgroup=pid,
                    showlegend=False,
                    hoverinfo="skip",
                    meta={"kind": "closing", "person_id": pid},
                )
            )

    ring = {pid: GAP_RING + GAP_STEP * i for i, pid in enumerate(people)}
    colors = {pid: CANDIDATE_COLORS[i % len(CANDIDATE_COLORS)] for i, pid in enumerate(people)}
    for status in GAP_STATUSES:
        gaps = data.filter(pl.col("status") == status)
        if gaps.height == 0:
            continue
        word = text.status[status]
        gap_people, gap_axes = gaps["person_id"].to_list(), gaps["axis"].to_list()
        fig.add_trace(
            go.Scatterpolar(
                r=[ring[p] for p in gap_people],
                theta=[
                    dodged_theta(spokes[a], offsets[p], ring[p])
                    for p, a in zip(gap_people, gap_axes, strict=True)
                ],
                thetaunit="degrees",
                mode="markers",
                name=word,
                legendgroup=f"gap-{status}",
                marker={
                    "size": 12,
                    "symbol": STATUS_STYLE[status]["marker"],
                    "color": [colors[p] for p in gap_people],
                    "line": {"width": 2},
                },
                customdata=[
                    text.gap_hover.format(name=chart_text(n), axis=chart_text(a), status=word)
                    for n, a in zip(gaps["name"], gap_axes, strict=True)
                ],
                hovertemplate="%{customdata}<extra></extra>",
                meta={"kind": "gap", "status": status, "person_ids": gap_people, "axes": gap_axes},
            )
        )

    for review, key, symbol, dash in (
        ("provisional", text.provisional_key, "circle-open", "dash"),
        ("reviewed", text.reviewed_key, "circle", "solid"),
    ):
        if review in reviews:
            fig.add_trace(
                go.Scatterpolar(
                    r=[None],
                    theta=[None],
                    mode="lines+markers",
                    name=key,
                    marker={"symbol": symbol, "size": 10, "color": "#555555"},
                    line={"dash": dash, "color": "#555555"},
                    hoverinfo="skip",
                    meta={"kind": "key", "review": review},
                )
            )

    outer = GAP_RING + GAP_STEP * max(len(people) - 1, 0) + 0.3
    fig.update_layout(
        height=height,
        # Side margins hold the spoke labels (wrapped to ~11 characters): narrow, so that on a
        # phone (a chart ~370 px wide) the circle keeps ~60 % of the width.
        margin={"l": 70, "r": 70, "t": 90, "b": 80},
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "font": {"size": 14}},
        font={"size": 14},
        polar={
            "radialaxis": {
                "range": [0, outer],
                "tickvals": [i + RING_OFFSET for i in range(len(LEVEL_STATUSES))],
                "ticktext": [text.status[s] for s in LEVEL_STATUSES],
                "angle": 112.5,  # between the P8 and P1 spokes, clear of the points
                "tickangle": 90,
                "tickfont": {"size": 11},
                "gridcolor": "#cccccc",
            },
            "angularaxis": {
                "thetaunit": "degrees",
                "tickmode": "array",
                "tickvals": [spokes[a] for a in axes],
                "ticktext": [_wrap(chart_text(a), 11) for a in axes],
                "tickfont": {"size": 12},
                "direction": "clockwise",
                "rotation": 90,
                "gridcolor": "#dddddd",
            },
        },
    )
    return fig


def statement_line(row: dict, text: RadarText, words: Words, *, with_priority: bool = True) -> str:
    """One statement behind a radar point as a Markdown list item (curated text escaped, only
    http(s) sources become links): date · priority · venue · level — paraphrase “quote”, flags,
    source link(s). `row` is a row of `views.compare.statement_rows`."""
    parts = [f"**{words.date(row['date'], row['date_precision'])}**"]
    if with_priority:
        parts.append(md_text(row["axis"]))
    parts.append(md_text(words(f"compare.venue_{row['venue']}")))
    parts.append(md_text(text.cell.get(row["status"], row["status"] or "")))
    line = " · ".join(parts) + " — " + md_text(row["paraphrase"])
    if row.get("quote"):
        line += f" “{md_text(row['quote'])}”"
    if row.get("second_hand"):
        line += f" *({words('compare.second_hand')})*"
    sources = list(row.get("source_url") or [])
    label = words("compare.source")
    links = [
        md_link(u, label if len(sources) == 1 else f"{label} {i}") for i, u in enumerate(sources, 1)
    ]
    links += [md_link(u, words("compare.archive")) for u in row.get("archive_url") or []]
    if links:
        line += " · " + " · ".join(links)
    return f"- {line}"
