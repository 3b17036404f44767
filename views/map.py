"""Map explorer: an indicator on the world map, a country's record, candidates' lens, missions.

Pure functions (no Streamlit): the package's frames and the filters in, chart-ready frames out.
Every UN member state is on the map; a state without a value is in the "no data" class, never 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import polars as pl

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
        value_text = pl.col("value").map_elements(
            lambda v: format_number(v, decimals=1), return_dtype=pl.String
        )
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
        pl.col("indicator_id")
        .map_elements(lambda i: cannot_have_value(i, iso3), return_dtype=pl.Boolean)
        .alias("not_applicable"),
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
    start = pl.col("start_date").map_elements(date_text, return_dtype=pl.String)
    end = pl.col("end_date").map_elements(date_text, return_dtype=pl.String)
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
            pl.col("country_iso3")
            .map_elements(
                lambda codes: ", ".join(names.get(c, c) for c in codes), return_dtype=pl.String
            )
            .alias("countries")
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
