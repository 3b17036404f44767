"""Candidate profile: one candidacy — who, a timeline of everything dated, and the nominating
states' record (context about states, never a score of the person).

The timeline is one frame in date order with a lane per kind of event: the selection's milestones
(the person's own and the cycle's), the person's statements, the straw polls they were in, and —
for the person the cycle appointed — their record entries from the start of the term. Straw-poll
counts that no source gave stay null ("not reported"), never 0.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go
import polars as pl

from views import compare as compare_view
from views.commitments import LEVEL_NAMES
from views.common import country_names, mid_period
from views.compare import axis_labels, http_links, http_only
from views.palette import ASSESSMENT_STYLE, BLACK, BLUE, SERIES_COLORS, SKY_BLUE
from views.radar import RadarText, radar_figure, radar_text, statement_line
from views.text import chart_text, md_link, md_text
from views.words import Words

__all__ = [
    "LANES",
    "CYCLE_WIDE_EVENTS",
    "CYCLE_MILESTONES",
    "TIMELINE_WORDS",
    "PRIORITY_COLORS",
    "Profile",
    "profile",
    "timeline",
    "timeline_labels",
    "timeline_figure",
    "nomination_history",
    "earlier_record",
    "state_record",
    "state_record_table",
    "timeline_words",
    "profile_facts",
    "CandidateModel",
    "candidate_model",
]

# The timeline's lanes, top to bottom; the names are also the `lane` column's values.
LANE_SELECTION = "selection"
LANE_STATEMENTS = "statements"
LANE_POLLS = "straw-polls"
LANE_RECORD = "record"
LANES = (LANE_SELECTION, LANE_STATEMENTS, LANE_POLLS, LANE_RECORD)
# Events of another person that still shape every candidacy of the cycle.
CYCLE_WIDE_EVENTS = ("sc-recommendation", "ga-appointment", "term-start")
# cycles-table milestones shown when no selection event already marks that date. Straw polls are
# shown one by one, so first/last straw poll are left out.
CYCLE_MILESTONES = (
    "nominations_opened",
    "dialogues_start",
    "sc_recommendation_date",
    "ga_appointment_date",
    "term_start",
)
# Own milestones read from the candidacy row when no selection event records them.
OWN_MILESTONES = {
    "nomination_date": "nomination",
    "informal_dialogue_date": "informal-dialogue",
    "withdrawal_date": "withdrawal",
}
# A nominating state's dated action (nominations table) and the own events that already mark it.
STATE_ACTIONS = {
    "nominated": ("nomination",),
    "withdrew": ("nominating-state-withdrawal", "nominating-state-switch"),
}
# The words the timeline needs (the page fills them from its catalogue, in its language).
TIMELINE_WORDS = (
    *(f"lane_{lane}" for lane in LANES),
    *(f"ms_{m}" for m in CYCLE_MILESTONES),
    *(f"own_{kind}" for kind in OWN_MILESTONES.values()),
    *(f"own_state-{action}" for action in STATE_ACTIONS),
    "poll",
    "poll_p5",
    "not_reported",
    "scheduled",
    "legend_own",
    "legend_cycle",
    "legend_polls",
    *(f"level_{name}" for name in LEVEL_NAMES.values()),
    "assessment_advances",
    "assessment_mixed",
    "assessment_falls-short",
)
# Eight colour-blind-safe colours (Okabe-Ito with black), one per priority, p1..p8.
PRIORITY_COLORS = SERIES_COLORS
# And a shape per priority, so colour is not the only carrier.
PRIORITY_SYMBOLS = (
    "circle", "square", "diamond", "triangle-up", "triangle-down", "pentagon", "hexagon", "cross",
)  # fmt: skip

TIMELINE_SCHEMA = {
    "date": pl.Date,
    "precision": pl.String,
    "lane": pl.String,
    "kind": pl.String,
    "own": pl.Boolean,
    "title": pl.String,
    "detail": pl.String,
    "priority_id": pl.String,
    "status": pl.String,
    "poll_number": pl.Int64,
    "encourage": pl.Int64,
    "discourage": pl.Int64,
    "no_opinion": pl.Int64,
    "p5_discourage": pl.Int64,
    "source_url": pl.List(pl.String),
}


@dataclass(frozen=True)
class Profile:
    """Who a candidacy is: names resolved, dates None when not reached or not in the data."""

    cycle: int
    person_id: str
    name: str
    nationality: str
    nominating_states: list[tuple[str, str]]  # [(iso3, name)]
    group: str | None
    role: str | None
    nominated: date | None
    dialogue: date | None
    withdrawn: date | None
    outcome: str
    appointed: bool
    term_start: date | None
    as_of: date | None
    sources: list[str]


def profile(tables: dict[str, pl.DataFrame], cycle: int, person_id: str) -> Profile:
    """The candidacy (`cycle`, `person_id`) with countries and sources resolved."""
    countries = country_names(tables["countries"])
    cand = (
        tables["candidacies"]
        .filter((pl.col("cycle") == cycle) & (pl.col("person_id") == person_id))
        .row(0, named=True)
    )
    person = tables["people"].filter(pl.col("person_id") == person_id)
    person_row = person.row(0, named=True) if person.height else {}
    cyc = tables["cycles"].filter(pl.col("cycle") == cycle).row(0, named=True)
    nationality = person_row.get("nationality_iso3")
    sources = http_links(cand["source_url"]) + [
        u for u in http_links(person_row.get("source_url")) if u not in (cand["source_url"] or [])
    ]
    return Profile(
        cycle=cycle,
        person_id=person_id,
        name=person_row.get("name") or person_id,
        nationality=countries.get(nationality, nationality or ""),
        nominating_states=[(c, countries.get(c, c)) for c in cand["nominating_states_iso3"] or []],
        group=cand["un_regional_group"],
        role=cand["role_at_nomination"],
        nominated=cand["nomination_date"],
        dialogue=cand["informal_dialogue_date"],
        withdrawn=cand["withdrawal_date"],
        outcome=cand["outcome"],
        appointed=cyc.get("appointee_person_id") == person_id,
        term_start=cyc.get("term_start"),
        as_of=cyc.get("as_of"),
        sources=sources,
    )


def _rows(frame: pl.DataFrame, **columns: pl.Expr) -> pl.DataFrame:
    """`frame` reshaped to the timeline schema (missing columns null)."""
    exprs = [
        columns[name].alias(name) if name in columns else pl.lit(None, dtype=dtype).alias(name)
        for name, dtype in TIMELINE_SCHEMA.items()
    ]
    return frame.select(exprs).cast(TIMELINE_SCHEMA)


def nomination_history(tables: dict[str, pl.DataFrame], cycle: int, person_id: str) -> pl.DataFrame:
    """Who nominated the candidate and who withdrew, in date order (empty without the table).

    Columns: date, date_precision, action (nominated / withdrew), state_iso3, state (its name),
    note, source_url (http(s) list).
    """
    schema = {
        "date": pl.Date,
        "date_precision": pl.String,
        "action": pl.String,
        "state_iso3": pl.String,
        "state": pl.String,
        "note": pl.String,
        "source_url": pl.List(pl.String),
    }
    if "nominations" not in tables:
        return pl.DataFrame(schema=schema)
    names = country_names(tables["countries"])
    rows = tables["nominations"].filter(
        (pl.col("cycle") == cycle) & (pl.col("person_id") == person_id)
    )
    return (
        rows.with_columns(
            pl.col("state_iso3").replace_strict(names, default=pl.col("state_iso3")).alias("state"),
            http_only("source_url").alias("source_url"),
        )
        .sort("date", "action", "state")
        .select(list(schema))
        .cast(schema)
    )


def timeline(tables: dict[str, pl.DataFrame], cycle: int, person_id: str) -> pl.DataFrame:
    """Everything dated about the candidacy, in date order (then by lane).

    Columns: date, precision (day / month / year), lane (one of LANES), kind (the event type,
    cycle milestone name, 'statement', 'straw-poll' or the record entry's kind), own (about this
    person), title (null for milestones only the cycles / candidacies tables give), detail,
    priority_id, status (level name for statements, assessment for record entries), poll_number,
    encourage / discourage / no_opinion / p5_discourage (null = not reported), source_url (http(s)).
    """
    cyc = tables["cycles"].filter(pl.col("cycle") == cycle)
    cyc_row = cyc.row(0, named=True) if cyc.height else {}
    cand = tables["candidacies"].filter(
        (pl.col("cycle") == cycle) & (pl.col("person_id") == person_id)
    )
    parts = []

    events = tables["selection_events"].filter(
        (pl.col("cycle") == cycle)
        & (
            pl.col("person_id").is_null()
            | (pl.col("person_id") == person_id)
            | pl.col("event_type").is_in(CYCLE_WIDE_EVENTS)
        )
    )
    parts.append(
        _rows(
            events,
            date=pl.col("date"),
            precision=pl.lit("day"),
            lane=pl.lit(LANE_SELECTION),
            kind=pl.col("event_type"),
            own=(pl.col("person_id") == person_id).fill_null(False),
            title=pl.col("title"),
            source_url=http_only("source_url"),
        )
    )
    own_kinds = set(
        events.filter(pl.col("person_id") == person_id).select("event_type", "date").iter_rows()
    )
    event_dates = set(events["date"].to_list())

    if cand.height:
        row = cand.row(0, named=True)
        extra = [
            {"date": row[col], "kind": kind}
            for col, kind in OWN_MILESTONES.items()
            if row[col] is not None and (kind, row[col]) not in own_kinds
        ]
        if extra:
            parts.append(
                _rows(
                    pl.DataFrame(extra, schema={"date": pl.Date, "kind": pl.String}),
                    date=pl.col("date"),
                    precision=pl.lit("day"),
                    lane=pl.lit(LANE_SELECTION),
                    kind=pl.col("kind"),
                    own=pl.lit(True),
                    source_url=pl.lit(http_links(row["source_url"]), dtype=pl.List(pl.String)),
                )
            )

    # A state's action already marked by an own event of that day is not shown twice.
    history = nomination_history(tables, cycle, person_id)
    unmarked = [
        not any((kind, day) in own_kinds for kind in STATE_ACTIONS[action])
        for action, day in history.select("action", "date").iter_rows()
    ]
    history = history.filter(pl.Series(unmarked, dtype=pl.Boolean))
    parts.append(
        _rows(
            history,
            date=pl.col("date"),
            precision=pl.col("date_precision"),
            lane=pl.lit(LANE_SELECTION),
            kind=pl.format("state-{}", pl.col("action")),
            own=pl.lit(True),
            detail=pl.col("state"),
            source_url=pl.col("source_url"),
        )
    )

    milestones = [
        {"date": cyc_row[m], "kind": m}
        for m in CYCLE_MILESTONES
        if cyc_row.get(m) is not None and cyc_row[m] not in event_dates
    ]
    if milestones:
        parts.append(
            _rows(
                pl.DataFrame(milestones, schema={"date": pl.Date, "kind": pl.String}),
                date=pl.col("date"),
                precision=pl.lit("day"),
                lane=pl.lit(LANE_SELECTION),
                kind=pl.col("kind"),
                own=pl.lit(False),
                source_url=pl.lit(http_links(cyc_row["source_url"]), dtype=pl.List(pl.String)),
            )
        )

    statements = tables["statements"].filter(
        (pl.col("cycle") == cycle) & (pl.col("person_id") == person_id)
    )
    parts.append(
        _rows(
            statements.sort("date", "statement_id"),
            date=pl.col("date"),
            precision=pl.col("date_precision"),
            lane=pl.lit(LANE_STATEMENTS),
            kind=pl.lit("statement"),
            own=pl.lit(True),
            title=pl.col("venue"),
            detail=pl.col("paraphrase"),
            priority_id=pl.col("priority_id"),
            status=pl.col("commitment_level").replace_strict(
                LEVEL_NAMES, default=None, return_dtype=pl.String
            ),
            source_url=http_only("source_url"),
        )
    )

    polls = tables["straw_polls"].filter(
        (pl.col("cycle") == cycle) & (pl.col("person_id") == person_id)
    )
    parts.append(
        _rows(
            polls.sort("poll_number"),
            date=pl.col("date"),
            precision=pl.lit("day"),
            lane=pl.lit(LANE_POLLS),
            kind=pl.lit("straw-poll"),
            own=pl.lit(True),
            poll_number=pl.col("poll_number"),
            encourage=pl.col("encourage"),
            discourage=pl.col("discourage"),
            no_opinion=pl.col("no_opinion"),
            p5_discourage=pl.col("p5_discourage"),
            source_url=http_only("source_url"),
        )
    )

    term_start = cyc_row.get("term_start")
    if cyc_row.get("appointee_person_id") == person_id and term_start is not None:
        record = tables["record_entries"].filter(
            (pl.col("person_id") == person_id) & (pl.col("date") >= term_start)
        )
        parts.append(
            _rows(
                record.sort("date", "entry_id"),
                date=pl.col("date"),
                precision=pl.col("date_precision"),
                lane=pl.lit(LANE_RECORD),
                kind=pl.col("kind"),
                own=pl.lit(True),
                title=pl.col("title"),
                detail=pl.col("summary"),
                priority_id=pl.col("priority_id"),
                status=pl.col("assessment"),
                source_url=http_only("source_url"),
            )
        )

    lane_order = {lane: i for i, lane in enumerate(LANES)}
    return (
        pl.concat(parts)
        .with_columns(
            pl.col("lane").replace_strict(lane_order, return_dtype=pl.Int64).alias("_lane")
        )
        .sort("date", "_lane", "poll_number", "title", nulls_last=True)
        .drop("_lane")
    )


def timeline_labels(
    frame: pl.DataFrame,
    words: Mapping[str, str],
    format_date: Callable[[date, str], str],
    *,
    as_of: date | None = None,
    venues: Mapping[str, str] | None = None,
) -> pl.DataFrame:
    """`frame` with 'when' (the date as people read it) and 'label' (one line saying what happened).

    `words` holds every key of TIMELINE_WORDS in the page's language; `format_date(date,
    precision)` formats a date; milestones after `as_of` are marked as scheduled.
    """
    venue_words = venues or {}

    def count(value: int | None) -> str:
        return str(value) if value is not None else words["not_reported"]

    def label(row: dict) -> str:
        lane, kind = row["lane"], row["kind"]
        if lane == LANE_SELECTION and kind.startswith("state-"):
            return words[f"own_{kind}"].format(state=row["detail"] or "")
        if lane == LANE_SELECTION:
            text = row["title"] or words.get(
                f"ms_{kind}" if kind in CYCLE_MILESTONES else f"own_{kind}", kind
            )
            if as_of is not None and row["date"] > as_of:
                text += f" ({words['scheduled']})"
            return text
        if lane == LANE_STATEMENTS:
            level = words.get(f"level_{row['status']}", row["status"] or "")
            venue = venue_words.get(row["title"], row["title"] or "")
            return f"{row['priority_id'].upper()} · {level} · {venue} — {row['detail'] or ''}"
        if lane == LANE_POLLS:
            text = words["poll"].format(
                n=row["poll_number"],
                encourage=count(row["encourage"]),
                discourage=count(row["discourage"]),
                no_opinion=count(row["no_opinion"]),
            )
            if row["p5_discourage"] is not None:
                text += " " + words["poll_p5"].format(n=row["p5_discourage"])
            return text
        assessment = words.get(f"assessment_{row['status']}", row["status"] or "")
        return f"{(row['priority_id'] or '').upper()} · {assessment} — {row['title'] or ''}"

    rows = frame.to_dicts()
    return frame.with_columns(
        pl.Series(
            "when", [format_date(r["date"], r["precision"] or "day") for r in rows], pl.String
        ),
        pl.Series("label", [label(r) for r in rows], pl.String),
    )


def timeline_figure(
    labelled: pl.DataFrame,
    words: Mapping[str, str],
    *,
    priorities: pl.DataFrame,
    assessment_style: Mapping[str, Mapping[str, str]],
    name: str,
) -> go.Figure:
    """The timeline: date on x, one row per lane (selection at the top), everything in date order.
    An item dated only to the month or year is drawn mid-period; its hover gives the period.

    Traces: the person's milestones, the cycle's milestones, one trace per priority of the
    statements (coloured by priority, labelled P1..P8), the straw polls, one trace per record
    assessment (colour and symbol of `assessment_style`). Items on the same day in the same lane
    are stacked a little so none hides another.
    """
    lanes = [lane for lane in LANES if lane in set(labelled["lane"])] or list(LANES[:1])
    lane_y = {lane: len(lanes) - 1 - i for i, lane in enumerate(lanes)}
    frame = labelled.with_columns(
        (
            pl.col("lane").replace_strict(lane_y, default=0, return_dtype=pl.Float64)
            + 0.14 * pl.int_range(pl.len()).over("lane", "date").cast(pl.Float64)
        ).alias("y"),
        mid_period("date", "precision").alias("x"),
    )
    hover = "%{customdata[0]}<br>%{customdata[1]}<extra></extra>"
    fig = go.Figure()

    def add(rows: pl.DataFrame, trace_name: str, marker: dict, **kwargs) -> None:
        if rows.height == 0:
            return
        fig.add_trace(
            go.Scatter(
                x=rows["x"].to_list(),
                y=rows["y"].to_list(),
                mode=kwargs.pop("mode", "markers"),
                name=chart_text(trace_name),
                marker={"size": 12, "line": {"width": 1.5}, **marker},
                customdata=[
                    (w, chart_text(lbl)) for w, lbl in zip(rows["when"], rows["label"], strict=True)
                ],
                hovertemplate=hover,
                **kwargs,
            )
        )

    selection = frame.filter(pl.col("lane") == LANE_SELECTION)
    add(
        selection.filter(pl.col("own")),
        words["legend_own"].format(name=name),
        {"symbol": "star", "color": BLACK, "size": 15},
        meta={"lane": LANE_SELECTION, "own": True},
    )
    add(
        selection.filter(~pl.col("own")),
        words["legend_cycle"],
        {"symbol": "diamond-open", "color": "#666666", "line": {"width": 2, "color": "#666666"}},
        meta={"lane": LANE_SELECTION, "own": False},
    )
    axes = axis_labels(priorities)
    statements = frame.filter(pl.col("lane") == LANE_STATEMENTS)
    for i, (pid, axis) in enumerate(axes.items()):
        rows = statements.filter(pl.col("priority_id") == pid)
        # A shape per priority as well as a colour, and no text on the points: labels of
        # statements days apart overprinted each other ("P1P1"); the legend names each shape.
        add(
            rows,
            axis,
            {"symbol": PRIORITY_SYMBOLS[i % len(PRIORITY_SYMBOLS)],
             "color": PRIORITY_COLORS[i % len(PRIORITY_COLORS)],
             "line": {"width": 1.5, "color": "#333333"}},
            meta={"lane": LANE_STATEMENTS, "priority_id": pid},
        )  # fmt: skip
    add(
        frame.filter(pl.col("lane") == LANE_POLLS),
        words["legend_polls"],
        {"symbol": "square", "color": SKY_BLUE, "line": {"width": 1.5, "color": BLUE}},
        meta={"lane": LANE_POLLS},
    )
    record = frame.filter(pl.col("lane") == LANE_RECORD)
    for assessment, style in assessment_style.items():
        add(
            record.filter(pl.col("status") == assessment),
            words[f"assessment_{assessment}"],
            {"symbol": style["marker"], "color": style["color"],
             "line": {"width": 1, "color": "#333333"}},
            meta={"lane": LANE_RECORD, "assessment": assessment},
        )  # fmt: skip

    fig.update_layout(
        height=140 + 95 * len(lanes),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        font={"size": 14},
        legend={"orientation": "h", "yanchor": "top", "y": -0.25, "x": 0},
        hovermode="closest",
        xaxis={"type": "date", "showgrid": True, "gridcolor": "#eeeeee"},
        yaxis={
            "tickvals": list(lane_y.values()),
            "ticktext": [words[f"lane_{lane}"] for lane in lane_y],
            "range": [-0.5, len(lanes) - 0.3],
            "zeroline": False,
            "showgrid": True,
            "gridcolor": "#dddddd",
        },
    )
    return fig


def state_record(tables: dict[str, pl.DataFrame], states: list[str]) -> pl.DataFrame:
    """The latest value of every country indicator for each of `states` (iso3, in that order).

    One row per state × indicator (indicators in priority order); a state without any value for an
    indicator keeps a row with null year and text ("no data", never 0).
    Columns: iso3, state, indicator_id, priority_id, indicator, kind, year, text (category label,
    or number with its unit), note.
    """
    names = country_names(tables["countries"])
    indicators = tables["indicators"].sort("priority_id", "indicator_id")
    base = pl.DataFrame(
        {"iso3": states, "_order": range(len(states))},
        schema={"iso3": pl.String, "_order": pl.Int64},
    ).join(indicators.select("indicator_id", "priority_id", "title", "kind", "unit"), how="cross")
    latest = (
        tables["indicator_values"]
        .filter(
            pl.col("iso3").is_in(states)
            & (pl.col("value").is_not_null() | pl.col("category").is_not_null())
        )
        .sort("year")
        .group_by("iso3", "indicator_id")
        .last()
        .select("iso3", "indicator_id", "year", "value", "category", "note")
    )
    labels = {
        (row["indicator_id"], cat): lab
        for row in indicators.select("indicator_id", "categories", "category_labels").to_dicts()
        for cat, lab in zip(row["categories"] or [], row["category_labels"] or [], strict=False)
    }

    def text(row: dict) -> str | None:
        if row["year"] is None:
            return None
        if row["kind"] == "categorical" or row["value"] is None:
            return labels.get((row["indicator_id"], row["category"]), row["category"])
        value = row["value"]
        number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
        return f"{number} {row['unit']}" if row["unit"] else number

    joined = base.join(latest, on=["iso3", "indicator_id"], how="left").sort(
        "_order", "priority_id"
    )
    rows = joined.to_dicts()
    return joined.select(
        "iso3",
        pl.col("iso3").replace_strict(names, default=pl.col("iso3")).alias("state"),
        "indicator_id",
        "priority_id",
        pl.col("title").alias("indicator"),
        "kind",
        "year",
        pl.Series("text", [text(r) for r in rows], pl.String),
        "note",
    )


def state_record_table(record: pl.DataFrame, no_data: str) -> pl.DataFrame:
    """`state_record` as a table: one row per indicator ('indicator' = 'P8 · title'), one column
    per state, cells 'State party (2022)' or `no_data`.

    Pivots on the ids (`indicator_id`, `iso3`), which are unique, and labels afterwards: two
    indicators may share a title (each keeps its own row), and two states a name."""
    if record.height == 0:
        return pl.DataFrame({"indicator": []}, schema={"indicator": pl.String})
    cells = record.select(
        "indicator_id",
        "iso3",
        pl.when(pl.col("year").is_null())
        .then(pl.lit(no_data))
        .otherwise(pl.format("{} ({})", "text", "year"))
        .alias("cell"),
    )
    isos = list(dict.fromkeys(record["iso3"]))
    names = dict(record.select("iso3", "state").unique("iso3", keep="first").iter_rows())
    labels = record.select(
        "indicator_id",
        pl.format("{} · {}", pl.col("priority_id").str.to_uppercase(), "indicator").alias(
            "indicator"
        ),
    ).unique("indicator_id", keep="first", maintain_order=True)
    wide = cells.pivot(on="iso3", index="indicator_id", values="cell", maintain_order=True)
    headers, seen = {}, set()
    for iso3 in isos:
        header = names.get(iso3) or iso3
        if header in seen or header == "indicator":  # two states with one name: say which
            header = f"{header} ({iso3})"
        seen.add(header)
        headers[iso3] = header
    return labels.join(wide, on="indicator_id", how="left", maintain_order="left").select(
        "indicator", *[pl.col(iso3).alias(headers[iso3]) for iso3 in isos]
    )


def earlier_record(tables: dict[str, pl.DataFrame], cycle: int, person_id: str) -> pl.DataFrame:
    """What the candidate did in the roles they held before the cycle's term (a High Commissioner,
    a head of state, ...), newest first: their own acts, beside what they now say.

    Columns: date, date_precision, role, priority_id, title, summary, assessment, source_url
    (http(s) only).
    """
    cyc = tables["cycles"].filter(pl.col("cycle") == cycle)
    term_start = cyc["term_start"][0] if cyc.height else None
    entries = tables["record_entries"].filter(pl.col("person_id") == person_id)
    if term_start is not None:
        entries = entries.filter(pl.col("date") < term_start)
    return entries.sort(["date", "entry_id"], descending=True).select(
        "date",
        "date_precision",
        "role",
        "priority_id",
        "title",
        "summary",
        "assessment",
        http_only("source_url"),
    )


def timeline_words(words: Words) -> dict[str, str]:
    """Every key of TIMELINE_WORDS in `words`' language: statuses and assessments from common, the
    rest from the candidate page's catalogue."""

    def word(key: str) -> str:
        if key.startswith("level_"):
            return words(f"common.status_{key.removeprefix('level_')}")
        if key.startswith("assessment_"):
            return words(f"common.{key}")
        return words(f"candidate.{key}")

    return {key: word(key) for key in TIMELINE_WORDS}


def profile_facts(
    who: Profile, words: Words, withdrew: Mapping[str, date] | None = None
) -> list[tuple[str, str]]:
    """The candidacy's facts as (label, plain text) pairs, a dash for what is not reached; a
    nominating state in `withdrew` (iso3 → day) says when it withdrew."""
    dash = words("candidate.not_reached")
    withdrew = withdrew or {}
    nominators = [
        words("candidate.state_withdrew", state=name, date=words.date(withdrew[iso3]))
        if iso3 in withdrew
        else name
        for iso3, name in who.nominating_states
    ]

    def day(value: date | None) -> str:
        return words.date(value) if value else dash

    return [
        (words("candidate.nationality"), who.nationality or dash),
        (words("candidate.nominated_by"), ", ".join(nominators) or dash),
        (words("candidate.group"), who.group or dash),
        (words("candidate.role"), who.role or dash),
        (words("candidate.nominated"), day(who.nominated)),
        (words("candidate.dialogue"), day(who.dialogue)),
        (words("candidate.withdrawn"), day(who.withdrawn)),
        (words("candidate.outcome"), words(f"candidate.outcome_{who.outcome}")),
    ]


def source_links(urls, words: Words) -> str:
    """'[Source 1](…) · [Source 2](…)': Markdown links to http(s) sources."""
    return " · ".join(
        md_link(u, f"{words('compare.source')} {i}") for i, u in enumerate(urls or [], 1)
    )


def _history_line(row: dict, words: Words) -> str:
    """One nominating state's dated action as a Markdown list item (curated text escaped)."""
    note = f" — {md_text(row['note'])}" if row["note"] else ""
    action = f"{words('candidate.action_' + row['action'])}{note}"
    return (
        f"- **{words.date(row['date'], row['date_precision'])}** · "
        f"{words('common.labelled', label=md_text(row['state']), value=action)} "
        f"({source_links(row['source_url'], words)})"
    )


def _earlier_line(entry: dict, words: Words) -> str:
    """One record entry of an earlier role as a Markdown list item (curated text escaped)."""
    style = ASSESSMENT_STYLE[entry["assessment"]]
    return (
        f"- **{words.date(entry['date'], entry['date_precision'])}** · {md_text(entry['role'])} · "
        f"{entry['priority_id'].upper()} · {style['symbol']} "
        f"{words('common.assessment_' + entry['assessment'])} — "
        + words(
            "common.labelled",
            label=f"**{md_text(entry['title'])}**",
            value=md_text(entry["summary"]),
        )
        + f" ({source_links(entry['source_url'], words)})"
    )


@dataclass(frozen=True)
class CandidateModel:
    """Everything the candidate page (and the candidacy's briefing) shows about one candidacy."""

    cycle: int
    person_id: str
    who: Profile
    title: str  # Markdown (data escaped), as every sentence below
    state: str
    facts: list[tuple[str, str]]  # (label, plain text): the page escapes them
    sources: str  # Markdown links to the profile's sources ('' if none)
    history: pl.DataFrame  # nomination_history
    history_lines: list[str]
    history_open: bool  # a nominating state withdrew: show the history unfolded
    timeline: pl.DataFrame  # `timeline`, with 'when' and 'label' (`timeline_labels`)
    timeline_words: dict[str, str]
    venues: dict[str, str]  # venue → word
    timeline_fig: go.Figure
    timeline_table: pl.DataFrame  # as shown: when, lane, what, source (translated headers)
    timeline_csv: pl.DataFrame  # the download: the timeline's columns, 'label' for title/detail
    timeline_sources: tuple[str, ...]  # tables the timeline draws on
    timeline_caption: str
    radar: pl.DataFrame  # views.compare.radar_data of this candidacy
    radar_text: RadarText
    radar_fig: go.Figure
    level_table: pl.DataFrame  # priority, level, coverage (translated headers)
    statements: list[dict]  # views.compare.statement_rows, by date
    statement_lines: list[str]
    earlier: list[dict]  # earlier_record, newest first
    earlier_lines: list[str]
    state_record: pl.DataFrame | None  # state_record_table (None without nominating states)


def candidate_model(
    tables: dict[str, pl.DataFrame],
    cycle: int,
    person_id: str,
    words: Words,
    *,
    record_as_of: date | None = None,
) -> CandidateModel:
    """The candidacy (`cycle`, `person_id`) as the page shows it in `words`' language;
    `record_as_of` is the day the record entries were checked up to."""
    who = profile(tables, cycle, person_id)
    tl_words = timeline_words(words)
    venues = {v: words(f"compare.venue_{v}") for v in compare_view.VENUES}
    labelled = timeline_labels(
        timeline(tables, cycle, person_id), tl_words, words.date, as_of=who.as_of, venues=venues
    )
    lanes = labelled["lane"].value_counts()
    n_lane = dict(lanes.iter_rows())
    n_record, n_polls = n_lane.get(LANE_RECORD, 0), n_lane.get(LANE_POLLS, 0)
    radar = compare_view.radar_data(tables, cycle, [person_id])
    text = radar_text(words)
    statements = compare_view.statement_rows(tables, cycle, [person_id]).to_dicts()
    history = nomination_history(tables, cycle, person_id)
    withdrew = dict(
        history.filter(pl.col("action") == "withdrew").select("state_iso3", "date").iter_rows()
    )
    earlier = earlier_record(tables, cycle, person_id).to_dicts()
    states = [iso3 for iso3, _ in who.nominating_states]
    record = (
        state_record_table(state_record(tables, states), words("common.no_data"))
        if states
        else None
    )
    record_part = (
        words(
            "candidate.state_record",
            n=n_record,
            start=words.date(who.term_start),
            record_as_of=words.date(record_as_of),
        )
        if n_record
        else ""
    )
    polls = words("candidate.state_polls", n=n_polls) if n_polls else ""
    polls = polls or words("candidate.state_polls_none")
    state = words(
        "candidate.state",
        name=md_text(who.name),
        cycle=cycle,
        statements=words("candidate.state_statements", n=n_lane.get(LANE_STATEMENTS, 0)),
        priorities=radar.filter(pl.col("level").is_not_null()).height,
        polls=polls,
        record=record_part,
        as_of=words.date(who.as_of) if who.as_of else words("common.as_of_unknown"),
    )
    lane_words = {lane: tl_words[f"lane_{lane}"] for lane in LANES}
    sources = ("selection_events", "nominations", "cycles", "statements", "straw_polls")
    return CandidateModel(
        cycle=cycle,
        person_id=person_id,
        who=who,
        title=words("candidate.title", name=md_text(who.name)),
        state=state,
        facts=profile_facts(who, words, withdrew),
        sources=source_links(who.sources, words),
        history=history,
        history_lines=[_history_line(r, words) for r in history.iter_rows(named=True)],
        history_open=bool(withdrew),
        timeline=labelled,
        timeline_words=tl_words,
        venues=venues,
        timeline_fig=timeline_figure(
            labelled,
            tl_words,
            priorities=tables["priorities"],
            assessment_style=ASSESSMENT_STYLE,
            name=who.name,
        ),
        timeline_table=labelled.select(
            pl.col("when").alias(words("candidate.col_when")),
            pl.col("lane").replace_strict(lane_words).alias(words("candidate.col_lane")),
            pl.col("label").alias(words("candidate.col_what")),
            pl.col("source_url").list.first().alias(words("candidate.col_source")),
        ),
        timeline_csv=labelled.drop("title", "detail", "when"),
        timeline_sources=(*sources, "record_entries") if n_record else sources,
        timeline_caption=words(
            "candidate.timeline_caption",
            record=words("candidate.timeline_caption_" + ("record" if n_record else "end")),
        ),
        radar=radar,
        radar_text=text,
        radar_fig=radar_figure(radar, text, height=500),
        level_table=compare_view.level_table(radar, text.cell)
        .join(compare_view.coverage_table(radar).rename({who.name: "coverage"}), on="priority")
        .rename(
            {
                "priority": words("compare.col_priority"),
                who.name: words("candidate.col_level"),
                "coverage": words("compare.coverage_title"),
            }
        ),
        statements=statements,
        statement_lines=[statement_line(r, text, words) for r in statements],
        earlier=earlier,
        earlier_lines=[_earlier_line(e, words) for e in earlier],
        state_record=(
            record.rename({"indicator": words("candidate.col_indicator")})
            if record is not None
            else None
        ),
    )
