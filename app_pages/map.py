"""Map explorer: one country indicator on the world map, a country's record, the candidates' lens
and the peacekeeping missions. Every control lives in the URL."""

import streamlit as st

from components import maps
from components.cached import arrow_table, cached
from components.charts import cached_figure, csv_download
from components.data import get_package
from components.frozen import freeze_deck
from components.i18n import t, words
from components.layout import fitted_columns, page_header, source_note
from components.url_state import changed_here, url_choice
from views import map as view

CHART_KEY = "map_chart"

package = get_package()


def lookups(package) -> view.MapLookups:
    """The options and the missions section, once per data version and language."""
    return view.map_lookups(package.tables, words())


def missions_deck(package):
    """The missions map, built and serialised once (shared, never changed after this)."""
    shown = cached(lookups, package)
    return freeze_deck(maps.peacekeeping_deck(shown.missions, texts=shown.mission_words))


def missions_table(package):
    return arrow_table(cached(lookups, package).missions_table)


# Lookups that scan every indicator value (1.24 M rows at 100×): once per data version.
def indicator_years(package, indicator_id: str) -> list[int]:
    """The years offered for one indicator (none for a snapshot)."""
    indicator = view.indicator_row(package["indicators"], indicator_id)
    return view.year_options(package["indicator_values"], indicator)


def map_model(package, indicator_id: str, year: int | None, cycle: int | None) -> view.MapModel:
    return view.map_model(package.tables, indicator_id, year, cycle, words())


def map_figure(package, indicator_id: str, year: int | None, cycle: int | None):
    return cached(map_model, package, indicator_id, year, cycle).figure


def map_table(package, indicator_id: str, year: int | None, cycle: int | None):
    return arrow_table(cached(map_model, package, indicator_id, year, cycle).table)


def country_model(package, iso3: str) -> view.CountryModel:
    return view.country_model(package.tables, iso3, words())


# --- filters (sidebar, bound to the URL) ---
options = cached(lookups, package)
indicator_labels = dict(options.indicators)
indicator_id = url_choice(
    "indicator",
    list(indicator_labels),
    default=options.default_indicator,
    label=t("map.indicator"),
    format_func=indicator_labels.get,
)

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
            asked = st.query_params.get("year", "")
            year_notice = view.year_notice(package["indicators"], indicator_id, asked, words())
        del st.query_params["year"]

lens_choice = url_choice(
    "cycle",
    list(options.cycles),
    default=view.NO_LENS,
    label=t("map.lens"),
    format_func=lambda c: t("map.no_lens") if c == view.NO_LENS else t("map.lens_option", cycle=c),
    help=t("map.lens_help"),
)
cycle = None if lens_choice == view.NO_LENS else int(lens_choice)

country_names = dict(options.countries)
# A click on the map selects that country (once per click: the chart keeps its selection).
clicked = maps.clicked_location(st.session_state.get(CHART_KEY))
if clicked != st.session_state.get("_map_last_click"):
    st.session_state["_map_last_click"] = clicked
    if clicked in country_names:
        st.query_params["country"] = clicked
country = url_choice(
    "country",
    [view.NO_COUNTRY, *country_names],
    default=view.NO_COUNTRY,
    label=t("map.country"),
    format_func=lambda c: (
        t("map.no_country") if c == view.NO_COUNTRY else f"{country_names[c]} ({c})"
    ),
    help=t("map.country_help"),
)

# --- the map ---
model = cached(map_model, package, indicator_id, year, cycle)
page_header(t("map.title"), model.state)
if year_notice:
    st.info(year_notice, icon=":material/info:")
st.subheader(model.subheader)
st.caption(model.description)
if model.time_note:
    st.caption(model.time_note)
maps.show_map(cached_figure(map_figure, package, indicator_id, year, cycle), key=CHART_KEY)
st.caption(model.dots_note)
st.caption(model.source)
if model.coverage and model.coverage_is_partial:
    st.warning(model.coverage, icon=":material/warning:")
elif model.coverage:
    st.caption(model.coverage)
source_note(package, "indicators", "indicator_values", "countries")

table = cached(map_table, package, indicator_id, year, cycle)
with st.expander(model.table_title):
    st.dataframe(table, hide_index=True, width="stretch", column_config=fitted_columns(table))
    st.markdown(model.counts)
csv_download(model.plotted, model.csv_name, key="download_map")

# --- candidates' lens ---
if model.lens_title:
    st.subheader(model.lens_title)
    if model.lens_table is None:
        st.info(model.lens_sentence)
    else:
        st.markdown(model.lens_sentence)
        st.dataframe(model.lens_table, hide_index=True, width="stretch")
        csv_download(
            model.lens_csv, f"nominating-states-{cycle}-{indicator_id}", key="download_lens"
        )
        source_note(package, "candidacies", "indicator_values")

# --- country panel, peacekeeping layer ---
if country != view.NO_COUNTRY:
    maps.show_country(package, cached(country_model, package, country))
maps.show_missions(
    package, options, cached(missions_deck, package), cached(missions_table, package)
)
