"""Compare: up to four candidacies of one cycle on the eight priorities — radar, table, coverage
and the statements behind every point."""

import streamlit as st

from components.cached import cached
from components.charts import cached_figure, csv_download, show_chart
from components.data import cycle_choices, get_package
from components.i18n import t, words
from components.layout import candidate_link, fit_table, page_header, source_note
from components.url_state import changed_here, url_choice, url_multi
from views import compare as view

package = get_package()
cycles = cycle_choices(package)
cycle = int(url_choice("cycle", cycles, default=cycles[0], label=t("common.cycle")))


def choices(package, cycle: int) -> view.CompareChoices:
    """The cycle's candidacies and default choice, once per data version."""
    return view.compare_choices(package.tables, cycle)


def build_model(package, cycle: int, chosen: tuple[str, ...]) -> view.CompareModel:
    """The page's view model, once per data version, cycle, choice and language."""
    return view.compare_model(package.tables, cycle, chosen, words())


def radar_chart(package, cycle: int, chosen: tuple[str, ...]):
    """The radar of the chosen candidacies, finished (shared: never changed after this)."""
    return cached(build_model, package, cycle, chosen).figure


per_cycle = cached(choices, package, cycle)
options = dict(per_cycle.options)

# When the cycle was just changed here, candidates of the old cycle are dropped without a notice
# (the new cycle's default is shown); a link's bad values still get their notice.
if changed_here("compare_cycle", cycle):
    asked = st.query_params.get_all("candidate")
    kept = [pid for pid in asked if pid in options]
    if kept != asked:
        if kept:
            st.query_params["candidate"] = kept
        else:
            del st.query_params["candidate"]

chosen = tuple(
    url_multi(
        "candidate",
        list(options),
        default=list(per_cycle.default),
        label=t("compare.candidates", n=view.MAX_CANDIDATES),
        format_func=lambda pid: options.get(pid, pid),
        max_selections=view.MAX_CANDIDATES,
        help=t("compare.candidates_help"),
    )
)

model = cached(build_model, package, cycle, chosen)
page_header(t("compare.title"), model.state)

if model.notice:
    st.info(model.notice, icon=model.notice_icon)
else:
    link_cols = st.columns(len(model.profiles) + 1)
    link_cols[0].markdown(t("compare.profiles"))
    for col, (pid, label) in zip(link_cols[1:], model.profiles, strict=True):
        candidate_link(cycle, pid, label, where=col)

    # Side by side up to two candidacies; with more, the tables need the page's width.
    if model.side_by_side:
        left, right = st.columns([3, 2], gap="medium")
    else:
        left, right = st.container(), st.container()
    with left:
        st.subheader(t("compare.radar_title"))
        show_chart(cached_figure(radar_chart, package, cycle, chosen), key="compare_radar")
        source_note(
            package, "statements", "searches", "assessments", "priorities", shown=model.shown
        )
        st.caption(t("compare.radar_caption"))
        csv_download(model.radar, model.csv_name, key="compare_radar_csv")
    with right:
        st.subheader(t("compare.table_title"))
        fit_table(model.levels, key="compare_levels")
        st.caption(t("compare.table_caption"))
        st.subheader(t("compare.coverage_title"))
        fit_table(model.coverage, key="compare_coverage")
        st.caption(t("compare.coverage_caption"))
        source_note(package, "asks", "statements", shown=model.shown)

    st.subheader(t("compare.statements_title"))
    st.caption(t("compare.statements_caption"))
    for person in model.statements:
        st.markdown(person.heading)
        if person.lines:
            st.markdown(person.lines)
        else:
            st.caption(person.none)
    source_note(package, "statements", shown=model.shown)
