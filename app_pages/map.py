"""Map explorer: one country indicator on the world map, a country's record, the candidates' lens
and the peacekeeping missions. Every control lives in the URL."""

from pathlib import Path

import polars as pl
import streamlit as st

from components import maps
from components.cached import arrow_table, cached
from components.charts import csv_download
from components.data import get_package
from components.i18n import current_language, format_date, t
from components.layout import fit_table, fitted_columns, page_header, source_note
from components.registry import page_file
from components.url_state import changed_here, url_choice
from views import map as view
from views.common import cycles_desc
from views.text import md_link, md_text

DEFAULT_INDICATOR = "death-penalty-status"
NO_LENS = "none"
NO_COUNTRY = ""
CHART_KEY = "map_chart"
CANDIDATE_PAGE = Path(__file__).resolve().parent / "candidate.py"

package = get_package()
tables = package.tables


# Lookups that scan every indicator value (1.24 M rows at 100×): once per data version.
def indicator_years(package, indicator_id: str) -> list[int]:
    """The years offered for one indicator (none for a snapshot)."""
    indicator = view.indicator_row(package["indicators"], indicator_id)
    return view.year_options(package["indicator_values"], indicator)


def page_lookups(package) -> dict:
    """The controls' options and the peacekeeping section (missions, table, map), derived once per
    data version and language."""
    missions = view.missions_frame(package["peacekeeping_missions"], package["countries"])
    deck_texts = {
        "status_active": t("map.status_active"),
        "status_closed": t("map.status_closed"),
        "poc_yes": t("map.poc_yes"),
        "poc_no": t("map.poc_no"),
        "poc_unknown": t("map.poc_unknown"),
        "poc_label": t("map.col_poc"),
        "open_ended": t("map.open_ended"),
        "dates": t("map.dates"),
    }
    deck = maps.peacekeeping_deck(missions, texts=deck_texts)
    # The deck is shared and never changed after this: serialise it once, not on every rerun.
    spec = deck.to_json()
    deck.to_json = lambda: spec
    return {
        "indicators": view.indicator_options(package["indicators"]),
        "countries": view.country_options(package.tables),
        "missions": missions,
        "missions_table": arrow_table(
            view.missions_shown(
                missions.drop("country_iso3", "lat", "lon"), deck_texts, format_date
            )
        ),
        "mission_words": deck_texts,
        "deck": deck,
    }


def map_table(package, indicator_id: str, year: int | None, cycle: int | None) -> dict:
    """The plotted rows (for the CSV) and the same as the table shown, per indicator and year."""
    built = maps.indicator_map(
        package.tables, package.version, indicator_id, year, cycle, current_language()
    )
    plotted = built.frame.select(
        "iso3",
        "name",
        "un_member",
        pl.col("label").alias("class"),
        "value_text",
        "value",
        "category",
        "year",
        "note",
    )
    shown = plotted.rename(
        {
            "iso3": t("map.col_iso3"),
            "name": t("map.col_country"),
            "un_member": t("map.col_un_member"),
            "class": t("map.col_class"),
            "value_text": t("map.col_value"),
            "value": t("map.col_number"),
            "category": t("map.col_category"),
            "year": t("map.col_year"),
            "note": t("map.col_note"),
        }
    )
    counts = view.class_counts(built.frame, built.classes)
    return {
        "plotted": plotted,
        "shown": arrow_table(shown),
        "counts": " · ".join(
            f"**{md_text(label)}**: {n}"
            for label, n in counts.select("label", "countries").iter_rows()
        ),
    }


# --- filters (sidebar, bound to the URL) ---
lookups = cached(page_lookups, package)
indicator_labels = dict(lookups["indicators"])
indicator_ids = list(indicator_labels)
indicator_id = url_choice(
    "indicator",
    indicator_ids,
    default=DEFAULT_INDICATOR if DEFAULT_INDICATOR in indicator_ids else indicator_ids[0],
    label=t("map.indicator"),
    format_func=indicator_labels.get,
)
indicator = view.indicator_row(package["indicators"], indicator_id)

# A year left in the URL by the previous indicator is dropped quietly when the user switches.
switched = changed_here("map_indicator", indicator_id)

years = cached(indicator_years, package, indicator_id)
year_notice = None
if years:
    year_opts = [str(y) for y in years]
    if switched and st.query_params.get("year") not in (None, *year_opts):
        del st.query_params["year"]
    year = int(url_choice("year", year_opts, default=year_opts[0], label=t("map.year")))
else:
    year = None
    if "year" in st.query_params:
        if not switched:
            year_notice = t(
                "map.notice_year_snapshot",
                value=md_text(st.query_params.get("year", ""), limit=20),
                title=md_text(indicator["title"]),
                as_of=format_date(indicator["as_of"]),
            )
        del st.query_params["year"]

cycle_opts = [NO_LENS, *(str(c) for c in cycles_desc(package["cycles"]))]
lens_choice = url_choice(
    "cycle",
    cycle_opts,
    default=NO_LENS,
    label=t("map.lens"),
    format_func=lambda c: t("map.no_lens") if c == NO_LENS else t("map.lens_option", cycle=c),
    help=t("map.lens_help"),
)
cycle = None if lens_choice == NO_LENS else int(lens_choice)

country_names = dict(lookups["countries"])
# A click on the map selects that country (once per click: the chart keeps its selection).
clicked = maps.clicked_location(st.session_state.get(CHART_KEY))
if clicked != st.session_state.get("_map_last_click"):
    st.session_state["_map_last_click"] = clicked
    if clicked in country_names:
        st.query_params["country"] = clicked
country = url_choice(
    "country",
    [NO_COUNTRY, *country_names],
    default=NO_COUNTRY,
    label=t("map.country"),
    format_func=lambda c: t("map.no_country") if c == NO_COUNTRY else f"{country_names[c]} ({c})",
    help=t("map.country_help"),
)

# --- view model (cached per data version and filters) ---
built = maps.indicator_map(tables, package.version, indicator_id, year, cycle, current_language())
frame, classes = built.frame, built.classes
members = frame.filter(pl.col("un_member"))
missing = members.filter(pl.col("class_id") == view.NO_DATA).height

when = (
    t("map.state_year", year=year)
    if year is not None
    else t("map.state_as_of", as_of=format_date(indicator["as_of"]))
)
page_header(
    t("map.title"),
    t(
        "map.state",
        title=md_text(indicator["title"]),
        priority=indicator["priority_id"].upper(),
        when=when,
        n=members.height,
        with_data=members.height - missing,
        missing=missing,
    ),
)
if year_notice:
    st.info(year_notice, icon="ℹ️")

# --- the map ---
st.subheader(md_text(indicator["title"]) + (f" · {year}" if year is not None else ""))
st.caption(md_text(indicator["description"]))
if indicator["time_model"] == "event" and year is not None:
    st.caption(t("map.event_explained", year=year))
elif indicator["time_model"] == "annual" and year is not None:
    st.caption(t("map.annual_explained", year=year))
maps.show_map(built.figure, key=CHART_KEY)
st.caption(t("map.dots_note", n=len(built.dots)) + " " + t("map.click_note"))

source_links = " · ".join(
    md_link(u, str(i)) for i, u in enumerate(indicator["source_url"] or [], 1)
)
st.caption(
    t(
        "map.indicator_source",
        source=md_text(indicator["source_name"]),
        links=source_links,
        licence=md_text(indicator["license"]),
        as_of=format_date(indicator["as_of"]),
    )
)
if indicator["coverage_note"]:
    coverage = t("map.coverage", note=md_text(indicator["coverage_note"]))
    if view.is_partial(indicator):
        st.warning(coverage + " " + t("map.partial_explained"), icon="⚠️")
    else:
        st.caption(coverage)
source_note(package, "indicators", "indicator_values", "countries")

tables_shown = cached(map_table, package, indicator_id, year, cycle)
plotted = tables_shown["plotted"]
with st.expander(t("map.table_expander", n=plotted.height)):
    st.dataframe(
        tables_shown["shown"],
        hide_index=True,
        width="stretch",
        column_config=fitted_columns(tables_shown["shown"]),
    )
    st.markdown(tables_shown["counts"])
suffix = f"-{year}" if year is not None else ""
csv_download(plotted, f"map-{indicator_id}{suffix}", key="download_map")

# --- candidates' lens ---
if built.lens is not None:
    st.subheader(t("map.lens_title", cycle=cycle))
    lens = built.lens
    if lens.height == 0:
        st.info(t("map.lens_empty", cycle=cycle))
    else:
        st.markdown(t("map.lens_intro", cycle=cycle, n=lens["iso3"].n_unique()))
        lens_table = lens.select(
            "state", "iso3", "candidate", "value_text", "year", "person_id"
        ).with_columns(pl.col("value_text").fill_null(t("map.no_data")))
        st.dataframe(
            lens_table.drop("person_id").rename(
                {
                    "state": t("map.col_state"),
                    "iso3": t("map.col_iso3"),
                    "candidate": t("map.col_candidate"),
                    "value_text": indicator["title"],
                    "year": t("map.col_year"),
                }
            ),
            hide_index=True,
            width="stretch",
        )
        csv_download(lens_table, f"nominating-states-{cycle}-{indicator_id}", key="download_lens")
        source_note(package, "candidacies", "indicator_values")

# --- country panel ---
if country != NO_COUNTRY:
    st.subheader(t("map.country_title", name=md_text(country_names[country]), iso3=country))
    facts = view.country_indicators(tables, country)
    known = facts.filter(pl.col("label").is_not_null()).height
    st.markdown(t("map.country_intro", n=known, total=facts.height))
    shown = view.country_panel(facts, no_data=t("map.no_data"), cannot=t("map.cannot_veto"))
    fit_table(
        shown.select(
            pl.col("indicator").alias(t("map.col_indicator")),
            pl.col("value").alias(t("map.col_value")),
            pl.col("note").alias(t("map.col_note")),
            pl.Series(
                t("map.col_source"),
                [md_link(u, n) for u, n in shown.select("source_url", "source_name").iter_rows()],
                dtype=pl.String,
            ),
        ),
        key="country_panel",
        markdown=[t("map.col_source")],
    )
    csv_download(shown, f"country-{country}-indicators", key="download_country")
    source_note(package, "indicators", "indicator_values")

    n_vetoes, vetoes = view.country_vetoes(package["sc_vetoes"], country)
    if n_vetoes:
        st.markdown(t("map.vetoes", n=n_vetoes, shown=vetoes.height))
        st.dataframe(
            vetoes.with_columns(pl.col("date").map_elements(format_date, return_dtype=pl.String)),
            hide_index=True,
            width="stretch",
            column_config={
                "date": t("map.col_date"),
                "draft_symbol": t("map.col_draft"),
                "topic": t("map.col_topic"),
                "agenda_item": t("map.col_agenda"),
            },
        )
        source_note(package, "sc_vetoes")

    in_country = view.country_missions(package["peacekeeping_missions"], country)
    if in_country.height:
        st.markdown(t("map.country_missions", n=in_country.height))
        fit_table(
            view.missions_shown(in_country, lookups["mission_words"], format_date).rename(
                {
                    "acronym": t("map.col_acronym"),
                    "name": t("map.col_mission"),
                    "status": t("map.col_status"),
                    "dates": t("map.col_dates"),
                    "poc_mandate": t("map.col_poc"),
                }
            ),
            key="country_missions",
        )
    else:
        st.markdown(t("map.country_no_missions"))

    nominated = view.country_candidacies(tables, country)
    if nominated.height:
        st.markdown(t("map.country_candidacies", n=nominated.height))
        for row in nominated.iter_rows(named=True):
            label = t("map.candidacy_link", name=md_text(row["name"]), cycle=row["cycle"])
            linked = False
            if CANDIDATE_PAGE.exists():
                try:
                    st.page_link(
                        page_file("candidate"),
                        label=label,
                        icon="👤",
                        query_params={"cycle": str(row["cycle"]), "candidate": row["person_id"]},
                    )
                    linked = True
                except Exception:  # the page exists but is not registered in the navigation yet
                    linked = False
            if not linked:
                st.markdown(f"- {label}")
        source_note(package, "candidacies")
    else:
        st.markdown(t("map.country_no_candidacies"))

# --- peacekeeping layer ---
st.subheader(t("map.pk_title"))
missions = lookups["missions"]
active = missions.filter(pl.col("status") == "active").height
st.markdown(t("map.pk_intro", n=missions.height, active=active))
st.pydeck_chart(lookups["deck"], key="pk_map", height=480)
st.markdown(t("map.pk_legend"))
source_note(package, "peacekeeping_missions")
st.dataframe(
    lookups["missions_table"],
    hide_index=True,
    width="stretch",
    column_config=fitted_columns(
        lookups["missions_table"],
        {
            "acronym": t("map.col_acronym"),
            "name": t("map.col_mission"),
            "countries": t("map.col_countries"),
            "status": t("map.col_status"),
            "dates": t("map.col_dates"),
            "poc_mandate": t("map.col_poc"),
            "hq_city": t("map.col_hq"),
            "source_url": st.column_config.ListColumn(t("map.col_sources")),
        },
    ),
)
csv_download(missions.drop("country_iso3"), "peacekeeping-missions", key="download_missions")
