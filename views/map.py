"""Map explorer: an indicator on the world map, a country's record, candidates' lens, missions.

Pure functions (no Streamlit): the package's frames and the filters in, chart-ready frames out.
Every UN member state is on the map; a state without a value is in the "no data" class, never 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl

from views.common import mapped
from views.map_figure import choropleth_figure
from views.text import chart_text, md_link, md_text
from views.words import Words

__all__ = [
    "NO_DATA",
    "NO_DATA_COLOR",
    "SEQUENTIAL",
    "NUMERIC_CLASSES",
    "MapClass",
    "indicator_options",
    "indicator_row",
    "is_partial",
    "year_options",
    "indicator_classes",
    "values_at",
    "map_frame",
    "class_counts",
    "country_options",
    "country_indicators",
    "country_vetoes",
    "cannot_have_value",
    "country_panel",
    "missions_shown",
    "VETO_INDICATOR",
    "PERMANENT_MEMBERS",
    "country_missions",
    "country_candidacies",
    "lens_frame",
    "missions_frame",
    "format_number",
    "DEFAULT_INDICATOR",
    "NO_LENS",
    "NO_COUNTRY",
    "MapLookups",
    "map_lookups",
    "year_notice",
    "MapModel",
    "map_model",
    "CountryModel",
    "country_model",
]

VETO_INDICATOR = "sc-vetoes-cast"
# UN Charter, Article 23: China, France, the Russian Federation (the USSR until 1991), the United
# Kingdom and the United States are the permanent members; SUN is the USSR's code in the data.
PERMANENT_MEMBERS = frozenset({"CHN", "FRA", "GBR", "RUS", "USA", "SUN"})

NO_DATA = "no-data"
NO_DATA_COLOR = "#d9d9d9"  # light grey: its own class, named in the legend
# ColorBrewer YlGnBu (sequential, colour-blind safe); the lightest step is yellow, so it cannot be
# mistaken for the grey of "no data".
SEQUENTIAL = ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494")
UNKNOWN_CATEGORY_COLOR = "#777777"


@dataclass(frozen=True)
class NumericClasses:
    """Class lower bounds (a class is [bound, next bound); the last is open) and their labels.

    `integer`: labels show inclusive whole-number ranges ("10–24"); otherwise "10–20".
    `compact`: numbers as 1k / 1M. `suffix`: appended to each label (e.g. " %").
    """

    bounds: tuple[float, ...]
    integer: bool = False
    compact: bool = False
    suffix: str = ""
    maximum: float | None = None  # the highest possible value, if any (the last class is then "9")


# Hand-picked classes for the skewed or bounded indicators; others get even classes (see below).
NUMERIC_CLASSES = {
    "refugees-hosted": NumericClasses((0, 1, 1_000, 10_000, 100_000, 1_000_000), True, True),
    "women-in-parliament": NumericClasses((0, 10, 20, 30, 40, 50), suffix=" %"),
    "sc-vetoes-cast": NumericClasses((1, 10, 25, 50, 100), integer=True),
    "core-treaties-ratified": NumericClasses((0, 5, 7, 8, 9), integer=True, maximum=9),
}


@dataclass(frozen=True)
class MapClass:
    """One legend entry: a category id (or c0.. for numbers, or `no-data`), its label and colour."""

    class_id: str
    label: str
    color: str


def format_number(value: float | None, *, decimals: int = 0, compact: bool = False) -> str:
    """'3,568,259', '23.4', or with `compact` '1k' / '100k' / '1M' (for class bounds)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if compact:
        for size, mark in ((1_000_000, "M"), (1_000, "k")):
            if abs(value) >= size and value % size == 0:
                return f"{value / size:,.0f}{mark}"
    if decimals == 0 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.{decimals}f}"


def indicator_options(indicators: pl.DataFrame) -> list[tuple[str, str]]:
    """[(indicator_id, "P8 · Death penalty in law and practice")] by priority, then title."""
    rows = indicators.sort("priority_id", "title").select("indicator_id", "priority_id", "title")
    return [(i, f"{p.upper()} · {title}") for i, p, title in rows.iter_rows()]


def indicator_row(indicators: pl.DataFrame, indicator_id: str) -> dict:
    """The catalog row of one indicator, as a dict."""
    return indicators.filter(pl.col("indicator_id") == indicator_id).row(0, named=True)


def is_partial(indicator: dict) -> bool:
    """True when the catalog says the list is partial: a missing country is unknown, not 'no'."""
    return (indicator.get("coverage_note") or "").strip().upper().startswith("PARTIAL")


def year_options(values: pl.DataFrame, indicator: dict) -> list[int]:
    """Years with values for this indicator, newest first; [] for snapshot indicators."""
    if indicator["time_model"] == "snapshot":
        return []
    years = values.filter(pl.col("indicator_id") == indicator["indicator_id"])["year"].unique()
    return sorted(years.to_list(), reverse=True)


def _even_classes(values: pl.Series) -> NumericClasses:
    """Five classes of equal width from 0 (or the minimum) to the maximum, on round numbers."""
    values = values.drop_nulls()
    if values.is_empty():
        return NumericClasses((0,))
    low, high = min(0.0, float(values.min())), float(values.max())
    span = max(high - low, 1.0)
    step = 10 ** math.floor(math.log10(span / 5))
    for factor in (1, 2, 2.5, 5, 10):
        if span / (step * factor) <= 5:
            step *= factor
            break
    integer = bool((values % 1 == 0).all())
    return NumericClasses(tuple(low + i * step for i in range(5)), integer=integer)


def _numeric_spec(indicator: dict, values: pl.DataFrame) -> NumericClasses:
    spec = NUMERIC_CLASSES.get(indicator["indicator_id"])
    if spec is None:
        series = values.filter(pl.col("indicator_id") == indicator["indicator_id"])["value"]
        spec = _even_classes(series)
    return spec


def _numeric_labels(spec: NumericClasses) -> list[str]:
    def num(v: float) -> str:
        return format_number(v, decimals=1, compact=spec.compact)

    labels = []
    for i, low in enumerate(spec.bounds):
        if i == len(spec.bounds) - 1:
            top = num(low) if spec.maximum == low else f"≥ {num(low)}"
            labels.append(top + spec.suffix)
            continue
        high = spec.bounds[i + 1]
        if spec.integer and not spec.compact:
            last = high - 1
            text = num(low) if last == low else f"{num(low)}–{num(last)}"
        elif spec.integer and high - low == 1:
            text = num(low)
        else:
            text = f"{num(low)}–{num(high)}"
        labels.append(text + spec.suffix)
    return labels


def indicator_classes(indicator: dict, values: pl.DataFrame, no_data_label: str) -> list[MapClass]:
    """Legend classes in order: the catalog's categories (or numeric classes), then 'no data'."""
    if indicator["kind"] == "categorical":
        cats = indicator["categories"] or []
        labels = indicator["category_labels"] or cats
        colors = indicator["colors"] or []
        classes = [
            MapClass(
                c,
                labels[i] if i < len(labels) else c,
                colors[i] if i < len(colors) else UNKNOWN_CATEGORY_COLOR,
            )
            for i, c in enumerate(cats)
        ]
    else:
        spec = _numeric_spec(indicator, values)
        palette = _palette(len(spec.bounds))
        classes = [
            MapClass(f"c{i}", label, palette[i]) for i, label in enumerate(_numeric_labels(spec))
        ]
    return [*classes, MapClass(NO_DATA, no_data_label, NO_DATA_COLOR)]


def _palette(n: int) -> list[str]:
    """n colours spread over the sequential palette (light → dark)."""
    if n <= 1:
        return [SEQUENTIAL[-2]]
    if n >= len(SEQUENTIAL):
        return list(SEQUENTIAL[:n]) + [SEQUENTIAL[-1]] * (n - len(SEQUENTIAL))
    step = (len(SEQUENTIAL) - 1) / (n - 1)
    return [SEQUENTIAL[round(i * step)] for i in range(n)]


def values_at(values: pl.DataFrame, indicator: dict, year: int | None) -> pl.DataFrame:
    """One row per country: the value the map shows for `year`, following the time model.

    annual: only that year's values; event: each country's latest value at or before `year`;
    snapshot (or `year` None): each country's latest value. Columns: iso3, year, value, category,
    note, source_url.
    """
    rows = values.filter(pl.col("indicator_id") == indicator["indicator_id"])
    model = indicator["time_model"]
    if year is not None and model == "annual":
        rows = rows.filter(pl.col("year") == year)
    elif year is not None and model == "event":
        rows = rows.filter(pl.col("year") <= year)
    return (
        rows.sort("iso3", "year")
        .group_by("iso3", maintain_order=True)
        .last()
        .select("iso3", "year", "value", "category", "note", "source_url")
    )


def _class_expr(indicator: dict, values: pl.DataFrame) -> pl.Expr:
    if indicator["kind"] == "categorical":
        return (
            pl.when(pl.col("category").is_null())
            .then(pl.lit(NO_DATA))
            .otherwise(pl.col("category"))
        )
    spec = _numeric_spec(indicator, values)
    expr = pl.when(pl.col("value").is_null()).then(pl.lit(NO_DATA))
    for i in range(len(spec.bounds) - 1, -1, -1):
        expr = expr.when(pl.col("value") >= spec.bounds[i]).then(pl.lit(f"c{i}"))
    # Below the first bound (e.g. a 0 where classes start at 1) is shown in the first class.
    return expr.otherwise(pl.lit("c0"))


def map_frame(
    tables: dict[str, pl.DataFrame],
    indicator: dict,
    year: int | None,
    classes: list[MapClass],
) -> pl.DataFrame:
    """Every UN member state (and any other country with a value), with its class for the map.

    Columns: iso3, name, un_member, lat, lon, value, category, year, note, source_url, class_id,
    label (of the class), color, order, value_text (the value as shown: category label or number).
    Members without a value are in class `no-data`, with nulls in value, category, year, value_text.
    """
    countries = tables["countries"]
    shown = values_at(tables["indicator_values"], indicator, year)
    base = countries.filter(pl.col("un_member")).select("iso3")
    others = shown.join(base, on="iso3", how="anti").select("iso3")
    frame = (
        pl.concat([base, others])
        .join(countries.select("iso3", "name", "un_member", "lat", "lon"), on="iso3", how="left")
        .with_columns(
            pl.col("name").fill_null(pl.col("iso3")), pl.col("un_member").fill_null(False)
        )
        .join(shown, on="iso3", how="left")
    )
    frame = frame.with_columns(_class_expr(indicator, tables["indicator_values"]).alias("class_id"))
    known = {c.class_id for c in classes}
    extra = sorted(set(frame["class_id"].to_list()) - known)  # categories not in the catalog
    legend = [*classes[:-1], *(MapClass(e, e, UNKNOWN_CATEGORY_COLOR) for e in extra), classes[-1]]
    lookup = pl.DataFrame(
        {
            "class_id": [c.class_id for c in legend],
            "label": [c.label for c in legend],
            "color": [c.color for c in legend],
            "order": list(range(len(legend))),
        }
    )
    frame = frame.join(lookup, on="class_id", how="left")
    if indicator["kind"] == "categorical":
        value_text = pl.when(pl.col("category").is_null()).then(None).otherwise(pl.col("label"))
    else:
        value_text = mapped(frame, "value", lambda v: format_number(v, decimals=1), pl.String)
    return frame.with_columns(value_text.alias("value_text")).sort("order", "name")


def class_counts(frame: pl.DataFrame, classes: list[MapClass]) -> pl.DataFrame:
    """Countries per legend class, in legend order (classes with none included, as 0 countries)."""
    counts = dict(frame.group_by("class_id").len().iter_rows())
    return pl.DataFrame(
        {
            "class_id": [c.class_id for c in classes],
            "label": [c.label for c in classes],
            "countries": [counts.get(c.class_id, 0) for c in classes],
        },
        schema={"class_id": pl.String, "label": pl.String, "countries": pl.Int64},
    )


def country_options(tables: dict[str, pl.DataFrame]) -> list[tuple[str, str]]:
    """[(iso3, name)] of UN members and of other countries with any indicator value, by name."""
    countries = tables["countries"]
    with_data = tables["indicator_values"].select("iso3").unique()
    rows = pl.concat(
        [
            countries.filter(pl.col("un_member")).select("iso3", "name"),
            countries.join(with_data, on="iso3", how="semi").select("iso3", "name"),
        ]
    ).unique("iso3")
    return [(i, n) for i, n in rows.sort("name").iter_rows()]


def country_indicators(tables: dict[str, pl.DataFrame], iso3: str) -> pl.DataFrame:
    """The latest value of every indicator for one country, in priority order; gaps kept as nulls.

    Columns: priority_id, indicator_id, title, kind, unit, value, category, label, year, note,
    source_url, source_name, not_applicable (True when the state cannot have a value by
    definition, e.g. a veto of a state that is not a permanent member).
    """
    indicators = tables["indicators"].sort("priority_id", "title")
    latest = (
        tables["indicator_values"]
        .filter(pl.col("iso3") == iso3)
        .sort("indicator_id", "year")
        .group_by("indicator_id", maintain_order=True)
        .last()
    )
    joined = indicators.select(
        "priority_id", "indicator_id", "title", "kind", "unit", "categories", "category_labels",
        "source_name", pl.col("source_url").alias("indicator_url"),
    ).join(latest.drop("iso3"), on="indicator_id", how="left")  # fmt: skip
    labels = []
    for row in joined.iter_rows(named=True):
        if row["kind"] == "categorical" and row["category"] is not None:
            cats, names = row["categories"] or [], row["category_labels"] or []
            known = row["category"] in cats and cats.index(row["category"]) < len(names)
            labels.append(names[cats.index(row["category"])] if known else row["category"])
        elif row["value"] is not None:
            labels.append(format_number(row["value"], decimals=1))
        else:
            labels.append(None)
    return joined.with_columns(
        pl.Series("label", labels, dtype=pl.String),
        pl.when(pl.col("kind") == "numeric").then(pl.col("unit")).alias("unit"),
        pl.coalesce(
            pl.col("source_url").list.first(), pl.col("indicator_url").list.first()
        ).alias("source_url"),
        mapped(joined, "indicator_id", lambda i: cannot_have_value(i, iso3), pl.Boolean).alias(
            "not_applicable"
        ),
    ).select(
        "priority_id", "indicator_id", "title", "kind", "unit", "value", "category", "label",
        "year", "note", "source_url", "source_name", "not_applicable",
    )  # fmt: skip


def country_panel(facts: pl.DataFrame, *, no_data: str, cannot: str) -> pl.DataFrame:
    """`country_indicators` as the panel reads it: indicator ('P3 · Security Council vetoes cast'),
    value (label, unit and year: '12 vetoes cast since 1946 (2020)'; `cannot` where the state
    cannot have one, `no_data` where it is missing), note ('' if none), source_name, source_url."""
    unit = pl.when(pl.col("unit").is_not_null()).then(" " + pl.col("unit")).otherwise(pl.lit(""))
    year = (
        pl.when(pl.col("year").is_not_null() & pl.col("label").is_not_null())
        .then(" (" + pl.col("year").cast(pl.String) + ")")
        .otherwise(pl.lit(""))
    )
    value = (
        pl.when(pl.col("not_applicable"))
        .then(pl.lit(cannot))
        .when(pl.col("label").is_null())
        .then(pl.lit(no_data))
        .otherwise(pl.col("label") + unit + year)
    )
    return facts.select(
        (pl.col("priority_id").str.to_uppercase() + " · " + pl.col("title")).alias("indicator"),
        value.alias("value"),
        pl.col("note").fill_null(""),
        "source_name",
        "source_url",
    )


def cannot_have_value(indicator_id: str, iso3: str) -> bool:
    """True when the state cannot have a value by definition (not merely missing): only the five
    permanent members of the Security Council (UN Charter, Articles 23 and 27) can cast a veto."""
    return indicator_id == VETO_INDICATOR and iso3 not in PERMANENT_MEMBERS


def country_vetoes(sc_vetoes: pl.DataFrame, iso3: str, latest: int = 5) -> tuple[int, pl.DataFrame]:
    """(number of Security Council vetoes cast by `iso3`, its `latest` vetoes newest first)."""
    rows = sc_vetoes.filter(pl.col("vetoing_member_iso3") == iso3).sort("date", descending=True)
    return rows.height, rows.head(latest).select("date", "draft_symbol", "topic", "agenda_item")


def country_missions(missions: pl.DataFrame, iso3: str) -> pl.DataFrame:
    """Peacekeeping missions deployed in `iso3` (all since 2016), active first, then by start."""
    return (
        missions.filter(pl.col("country_iso3").list.contains(iso3))
        .sort(pl.col("status") != "active", "start_date", descending=[False, True])
        .select("acronym", "name", "status", "start_date", "end_date", "poc_mandate")
    )


def country_candidacies(tables: dict[str, pl.DataFrame], iso3: str) -> pl.DataFrame:
    """Candidacies (any cycle) that `iso3` nominated, newest cycle first.

    Columns: cycle, person_id, name, outcome, nomination_date.
    """
    names = tables["people"].select("person_id", "name")
    return (
        tables["candidacies"]
        .filter(pl.col("nominating_states_iso3").list.contains(iso3))
        .join(names, on="person_id", how="left")
        .sort("cycle", "nomination_date", descending=[True, False])
        .select("cycle", "person_id", "name", "outcome", "nomination_date")
    )


def lens_frame(tables: dict[str, pl.DataFrame], cycle: int, shown: pl.DataFrame) -> pl.DataFrame:
    """Nominating states of `cycle`'s candidacies with the candidate and the mapped value.

    One row per (state, candidacy). `shown` is the map frame (its `value_text` and `year` are the
    chosen indicator's). Columns: iso3, state, lat, lon, person_id, candidate, label, value, year.
    """
    cands = (
        tables["candidacies"]
        .filter(pl.col("cycle") == cycle)
        .select("person_id", "nomination_date", pl.col("nominating_states_iso3").alias("iso3"))
        .explode("iso3")
        .join(
            tables["people"].select("person_id", pl.col("name").alias("candidate")),
            on="person_id",
            how="left",
        )
    )
    countries = tables["countries"].select("iso3", pl.col("name").alias("state"), "lat", "lon")
    return (
        cands.join(countries, on="iso3", how="left")
        .join(shown.select("iso3", "value_text", "year"), on="iso3", how="left")
        .with_columns(pl.col("state").fill_null(pl.col("iso3")))
        .sort("nomination_date", "person_id", "state")
        .select("iso3", "state", "lat", "lon", "person_id", "candidate", "value_text", "year")
    )


def missions_shown(missions: pl.DataFrame, words: dict[str, str], date_text) -> pl.DataFrame:
    """Missions (from `missions_frame` or `country_missions`) as a table reads them: status and
    protection-of-civilians mandate in words (`words`: 'status_active', 'poc_yes', …), one
    'dates' column ('29 Apr 1991 to ongoing', `date_text` formats a date; `words['open_ended']`
    for a mission that has not ended, `words['dates']` the template with {start} and {end}), and
    '—' for a missing headquarters. Other columns are kept as they are, in their order."""
    start = mapped(missions, "start_date", date_text, pl.String)
    end = mapped(missions, "end_date", date_text, pl.String)
    template = words["dates"]
    dates = pl.concat_str(
        [
            pl.lit(template.split("{start}")[0]),
            start.fill_null("?"),
            pl.lit(template.split("{start}")[1].split("{end}")[0]),
            end.fill_null(pl.lit(words["open_ended"])),
            pl.lit(template.split("{end}")[1]),
        ]
    )
    columns = []
    for c in missions.columns:
        if c == "start_date":
            columns.append(dates.alias("dates"))
        elif c == "end_date":
            continue
        elif c == "status":
            columns.append(
                pl.col(c).replace_strict(
                    {s: words[f"status_{s}"] for s in ("active", "closed")}, default=pl.col(c)
                )
            )
        elif c == "poc_mandate":
            columns.append(
                pl.col(c).replace_strict(
                    {k: words[f"poc_{k}"] for k in ("yes", "no", "unknown")}, default=pl.col(c)
                )
            )
        elif c == "hq_city":
            columns.append(pl.col(c).fill_null("—"))
        else:
            columns.append(pl.col(c))
    return missions.select(columns)


def missions_frame(missions: pl.DataFrame, countries: pl.DataFrame) -> pl.DataFrame:
    """Peacekeeping missions for the table and the map: country names resolved, active first.

    Columns: acronym, name, countries, country_iso3, status, start_date, end_date, poc_mandate,
    hq_city, lat, lon, source_url.
    """
    names = dict(countries.select("iso3", "name").iter_rows())
    return (
        missions.with_columns(
            mapped(
                missions,
                "country_iso3",
                lambda codes: ", ".join(names.get(c, c) for c in codes),
                pl.String,
            ).alias("countries")
        )
        .sort(pl.col("status") != "active", "acronym")
        .select(
            "acronym",
            "name",
            "countries",
            "country_iso3",
            "status",
            "start_date",
            "end_date",
            "poc_mandate",
            "hq_city",
            "lat",
            "lon",
            "source_url",
        )
    )


# --- the page's view models: the lookups (once per data version), the map (per indicator, year
# and lens) and the country panel (per country). Three models, not one: a click on a country must
# not rebuild the map, and a new indicator must not rebuild the missions section. ---

DEFAULT_INDICATOR = "death-penalty-status"
NO_LENS = "none"
NO_COUNTRY = ""


def _mission_words(words: Words) -> dict[str, str]:
    """The words `missions_shown` and the missions map's tooltip need."""
    keys = ("status_active", "status_closed", "poc_yes", "poc_no", "poc_unknown")
    return {k: words(f"map.{k}") for k in keys} | {
        "poc_label": words("map.col_poc"),
        "open_ended": words("map.open_ended"),
        "dates": words("map.dates"),
    }


def _missions_table(missions: pl.DataFrame, words: Words) -> pl.DataFrame:
    """Missions (as `country_missions` gives them) as the country panel shows them."""
    return missions_shown(missions, _mission_words(words), words.date).rename(
        {
            "acronym": words("map.col_acronym"),
            "name": words("map.col_mission"),
            "status": words("map.col_status"),
            "dates": words("map.col_dates"),
            "poc_mandate": words("map.col_poc"),
        }
    )


@dataclass(frozen=True)
class MapLookups:
    """The controls' options and the peacekeeping section, the same for every filter.

    `missions` is `missions_frame` (for the missions map); `missions_table` the table under it
    (status, mandate and dates in words; column names are the page's column config);
    `missions_csv` its download.
    """

    indicators: tuple[tuple[str, str], ...]
    default_indicator: str
    cycles: tuple[str, ...]
    countries: tuple[tuple[str, str], ...]
    missions: pl.DataFrame
    mission_words: dict[str, str]
    missions_table: pl.DataFrame
    missions_csv: pl.DataFrame
    pk_intro: str


def map_lookups(tables: dict[str, pl.DataFrame], words: Words) -> MapLookups:
    """The map page's options (indicators, lens cycles, countries) and missions section."""
    indicators = tuple(indicator_options(tables["indicators"]))
    ids = [i for i, _ in indicators]
    missions = missions_frame(tables["peacekeeping_missions"], tables["countries"])
    mission_words = _mission_words(words)
    cycles = sorted(tables["cycles"]["cycle"].to_list(), reverse=True)
    return MapLookups(
        indicators=indicators,
        default_indicator=DEFAULT_INDICATOR if DEFAULT_INDICATOR in ids else ids[0],
        cycles=(NO_LENS, *(str(c) for c in cycles)),
        countries=tuple(country_options(tables)),
        missions=missions,
        mission_words=mission_words,
        missions_table=missions_shown(
            missions.drop("country_iso3", "lat", "lon"), mission_words, words.date
        ),
        missions_csv=missions.drop("country_iso3"),
        pk_intro=words(
            "map.pk_intro",
            n=missions.height,
            active=missions.filter(pl.col("status") == "active").height,
        ),
    )


def year_notice(indicators: pl.DataFrame, indicator_id: str, value: str, words: Words) -> str:
    """The notice for a year asked of a snapshot indicator (which has no years)."""
    indicator = indicator_row(indicators, indicator_id)
    return words(
        "map.notice_year_snapshot",
        value=md_text(value, limit=20),
        title=md_text(indicator["title"]),
        as_of=words.date(indicator["as_of"]),
    )


@dataclass(frozen=True)
class MapModel:
    """The map section for one indicator, year (None: latest / snapshot) and lens cycle (None).

    `frame`, `classes`, `lens` are `map_frame`, `indicator_classes`, `lens_frame`; `figure` the
    choropleth and `dots` the states drawn as dots. `plotted` is the CSV of the map and
    `table` the same rows with the page's column names; `lens_table` / `lens_csv` are None
    without a lens or when the lens has no nominating state (`lens_sentence` then says so).
    """

    indicator: dict
    frame: pl.DataFrame
    classes: list[MapClass]
    lens: pl.DataFrame | None
    figure: go.Figure
    dots: list[str]
    state: str
    subheader: str
    description: str
    time_note: str | None
    dots_note: str
    source: str
    coverage: str | None
    coverage_is_partial: bool
    plotted: pl.DataFrame
    table: pl.DataFrame
    table_title: str
    counts: str
    csv_name: str
    lens_title: str | None
    lens_sentence: str | None
    lens_table: pl.DataFrame | None
    lens_csv: pl.DataFrame | None


def _no_data_label(indicator: dict, words: Words) -> str:
    if indicator["indicator_id"] == VETO_INDICATOR:
        return words("map.no_veto")  # true of every state in the class, whatever the year
    if is_partial(indicator):
        return words("map.not_in_partial_list")
    return words("map.no_data")


def _plotted(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.select(
        "iso3", "name", "un_member", pl.col("label").alias("class"), "value_text", "value",
        "category", "year", "note",
    )  # fmt: skip


def _lens_rows(lens: pl.DataFrame, words: Words) -> pl.DataFrame:
    return lens.select(
        "state", "iso3", "candidate", "value_text", "year", "person_id"
    ).with_columns(pl.col("value_text").fill_null(words("map.no_data")))


def map_model(
    tables: dict[str, pl.DataFrame],
    indicator_id: str,
    year: int | None,
    cycle: int | None,
    words: Words,
) -> MapModel:
    """The map section: the figure, its header sentence, notes, table and the candidates' lens."""
    indicator = indicator_row(tables["indicators"], indicator_id)
    classes = indicator_classes(
        indicator, tables["indicator_values"], _no_data_label(indicator, words)
    )
    frame = map_frame(tables, indicator, year, classes)
    lens = lens_frame(tables, cycle, frame) if cycle is not None else None
    title = indicator["title"] if indicator["kind"] == "categorical" else indicator["unit"]
    figure, dots = choropleth_figure(
        frame,
        classes,
        indicator,
        year,
        legend_title=f"<b>{chart_text(title)}</b>",
        lens=lens,
        lens_name=words("map.lens_legend", cycle=cycle) if cycle is not None else "",
        small_states_name=words("map.small_states_legend"),
        words=words,
    )
    members = frame.filter(pl.col("un_member"))
    missing = members.filter(pl.col("class_id") == NO_DATA).height
    as_of = words.date(indicator["as_of"])
    when = (
        words("map.state_year", year=year)
        if year is not None
        else words("map.state_as_of", as_of=as_of)
    )
    time_note = None
    if year is not None and indicator["time_model"] in ("event", "annual"):
        time_note = words(f"map.{indicator['time_model']}_explained", year=year)
    coverage = None
    if indicator["coverage_note"]:
        coverage = words("map.coverage", note=md_text(indicator["coverage_note"]))
        if is_partial(indicator):
            coverage += " " + words("map.partial_explained")
    plotted = _plotted(frame)
    counts = class_counts(frame, classes)
    lens_sentence = lens_table = lens_csv = None
    if lens is not None:
        if lens.height == 0:
            lens_sentence = words("map.lens_empty", cycle=cycle)
        else:
            lens_sentence = words("map.lens_intro", cycle=cycle, n=lens["iso3"].n_unique())
            lens_csv = _lens_rows(lens, words)
            lens_table = lens_csv.drop("person_id").rename(
                {
                    "state": words("map.col_state"),
                    "iso3": words("map.col_iso3"),
                    "candidate": words("map.col_candidate"),
                    "value_text": indicator["title"],
                    "year": words("map.col_year"),
                }
            )
    source_links = " · ".join(
        md_link(u, str(i)) for i, u in enumerate(indicator["source_url"] or [], 1)
    )
    return MapModel(
        indicator=indicator,
        frame=frame,
        classes=classes,
        lens=lens,
        figure=figure,
        dots=dots,
        state=words(
            "map.state",
            title=md_text(indicator["title"]),
            priority=indicator["priority_id"].upper(),
            when=when,
            n=members.height,
            with_data=members.height - missing,
            missing=missing,
        ),
        subheader=md_text(indicator["title"]) + (f" · {year}" if year is not None else ""),
        description=md_text(indicator["description"]),
        time_note=time_note,
        dots_note=words("map.dots_note", n=len(dots)) + " " + words("map.click_note"),
        source=words(
            "map.indicator_source",
            source=md_text(indicator["source_name"]),
            links=source_links,
            licence=md_text(indicator["license"]),
            as_of=as_of,
        ),
        coverage=coverage,
        coverage_is_partial=is_partial(indicator),
        plotted=plotted,
        table=plotted.rename(
            {
                "iso3": words("map.col_iso3"),
                "name": words("map.col_country"),
                "un_member": words("map.col_un_member"),
                "class": words("map.col_class"),
                "value_text": words("map.col_value"),
                "value": words("map.col_number"),
                "category": words("map.col_category"),
                "year": words("map.col_year"),
                "note": words("map.col_note"),
            }
        ),
        table_title=words("map.table_expander", n=plotted.height),
        counts=" · ".join(
            words("common.labelled", label=f"**{md_text(label)}**", value=n)
            for label, n in counts.select("label", "countries").iter_rows()
        ),
        csv_name=f"map-{indicator_id}" + (f"-{year}" if year is not None else ""),
        lens_title=words("map.lens_title", cycle=cycle) if lens is not None else None,
        lens_sentence=lens_sentence,
        lens_table=lens_table,
        lens_csv=lens_csv,
    )


@dataclass(frozen=True)
class CountryModel:
    """The panel of one country: its indicators (`panel` shown, `panel_csv` downloaded), its
    Security Council vetoes (None when it cast none; `veto_columns` names the columns), the
    missions deployed there (None when none), and the candidacies it nominated as (cycle,
    person_id, link label)."""

    iso3: str
    title: str
    intro: str
    panel: pl.DataFrame
    panel_csv: pl.DataFrame
    vetoes_sentence: str | None
    vetoes: pl.DataFrame | None
    veto_columns: dict[str, str]
    missions_sentence: str
    missions: pl.DataFrame | None
    candidacies_sentence: str
    candidacies: tuple[tuple[int, str, str], ...]


def country_model(tables: dict[str, pl.DataFrame], iso3: str, words: Words) -> CountryModel:
    """The country panel of `iso3` (a known country)."""
    name = dict(country_options(tables)).get(iso3, iso3)
    facts = country_indicators(tables, iso3)
    shown = country_panel(facts, no_data=words("map.no_data"), cannot=words("map.cannot_veto"))
    n_vetoes, vetoes = country_vetoes(tables["sc_vetoes"], iso3)
    missions = country_missions(tables["peacekeeping_missions"], iso3)
    nominated = country_candidacies(tables, iso3)
    return CountryModel(
        iso3=iso3,
        title=words("map.country_title", name=md_text(name), iso3=iso3),
        intro=words(
            "map.country_intro",
            n=facts.filter(pl.col("label").is_not_null()).height,
            total=facts.height,
        ),
        panel=shown.select(
            pl.col("indicator").alias(words("map.col_indicator")),
            pl.col("value").alias(words("map.col_value")),
            pl.col("note").alias(words("map.col_note")),
            pl.Series(
                words("map.col_source"),
                [md_link(u, n) for u, n in shown.select("source_url", "source_name").iter_rows()],
                dtype=pl.String,
            ),
        ),
        panel_csv=shown,
        vetoes_sentence=words("map.vetoes", n=n_vetoes, shown=vetoes.height) if n_vetoes else None,
        vetoes=vetoes.with_columns(mapped(vetoes, "date", words.date, pl.String).alias("date"))
        if n_vetoes
        else None,
        veto_columns={
            "date": words("map.col_date"),
            "draft_symbol": words("map.col_draft"),
            "topic": words("map.col_topic"),
            "agenda_item": words("map.col_agenda"),
        },
        missions_sentence=words("map.country_missions", n=missions.height)
        if missions.height
        else words("map.country_no_missions"),
        missions=_missions_table(missions, words) if missions.height else None,
        candidacies_sentence=words("map.country_candidacies", n=nominated.height)
        if nominated.height
        else words("map.country_no_candidacies"),
        candidacies=tuple(
            (
                row["cycle"],
                row["person_id"],
                words("map.candidacy_link", name=md_text(row["name"]), cycle=row["cycle"]),
            )
            for row in nominated.iter_rows(named=True)
        ),
    )
