"""Straw polls: how the Security Council's straw polls went for each candidate of one cycle."""

import streamlit as st

from components.cached import arrow_table, cached
from components.charts import cached_figure, csv_download, show_chart
from components.data import get_package
from components.i18n import t, words
from components.layout import fit_table, page_header, source_note
from components.registry import page_target
from components.url_state import url_choice, url_multi
from views import straw_polls as view

package = get_package()
all_cycles, with_polls = view.cycle_options(package.tables)
cycle = int(
    url_choice(
        "cycle",
        [str(c) for c in all_cycles],
        default=str(with_polls[0] if with_polls else all_cycles[0]),
        label=t("common.cycle"),
        format_func=lambda c: (
            c if int(c) in with_polls else t("straw_polls.cycle_no_polls", cycle=c)
        ),
    )
)
polled = view.polled_candidates(package.tables, cycle)
names = dict(polled)
chosen = url_multi(
    "candidate",
    list(names),
    default=[],
    label=t("straw_polls.candidates"),
    format_func=lambda pid: names.get(pid, pid),
    help=t("straw_polls.candidates_help"),
)


def build_model(package, cycle: int, chosen: tuple[str, ...]) -> view.StrawPollsModel:
    """The page's view model, built once per data version, filters and language."""
    return view.straw_polls_model(package.tables, cycle, chosen, words())


def trend_chart(package, cycle: int, chosen: tuple[str, ...]):
    """The "encourage" lines, finished (shared by every session: never changed after this)."""
    return cached(build_model, package, cycle, chosen).trend_figure


def votes_chart(package, cycle: int, chosen: tuple[str, ...]):
    """The per-poll small multiples (latest polls only), finished and cached like the trend."""
    return cached(build_model, package, cycle, chosen).votes_figure


def results_table(package, cycle: int, chosen: tuple[str, ...]):
    """The results table as Arrow, made once (st.dataframe then sends it as is)."""
    return arrow_table(cached(build_model, package, cycle, chosen).table)


model = cached(build_model, package, cycle, tuple(chosen))
if not polled:
    page_header(t("straw_polls.title"), model.state)
    st.info(
        t("straw_polls.no_polls", cycle=cycle, as_of=model.as_of), icon=":material/how_to_vote:"
    )
    for other in with_polls:
        st.page_link(
            page_target("straw-polls"),
            label=t("straw_polls.see_cycle", cycle=other),
            icon=":material/how_to_vote:",
            query_params={"cycle": str(other)},
        )
    source_note(package, "straw_polls", "cycles")
else:
    page_header(t("straw_polls.title"), model.state)
    st.markdown(t("straw_polls.intro"))

    # Trend of "encourage" votes.
    st.subheader(t("straw_polls.trend_title"))
    show_chart(cached_figure(trend_chart, package, cycle, tuple(chosen)), key="trend_chart")
    st.caption(t("straw_polls.trend_caption"))
    source_note(package, "straw_polls", "candidacies")
    fit_table(model.trend_table, key="trend_table")
    st.caption(t("straw_polls.trend_table_caption"))
    csv_download(model.series, f"straw-polls-{cycle}-encourage", key="trend_csv")

    # Every vote, poll by poll (the latest polls only, when there are very many).
    st.subheader(t("straw_polls.votes_title"))
    show_chart(cached_figure(votes_chart, package, cycle, tuple(chosen)), key="votes_chart")
    st.caption(t("straw_polls.votes_caption"))
    if model.panels < model.polls:
        st.caption(t("straw_polls.votes_latest", shown=model.panels, total=model.polls))
    source_note(package, "straw_polls")
    csv_download(model.segments, f"straw-polls-{cycle}-votes", key="votes_csv")

    st.subheader(t("straw_polls.table_title"))
    st.dataframe(
        cached(results_table, package, cycle, tuple(chosen)),
        hide_index=True,
        width="stretch",
        key="results_table",
        # Widths that add up to the page at 1280 px (each column can still be widened).
        column_config={
            # Wider when a poll's cell says its number is not reported.
            t("straw_polls.col_poll"): st.column_config.Column(
                width=130 if model.unnumbered else 45
            ),
            t("straw_polls.col_date"): st.column_config.Column(width=95),
            t("straw_polls.col_candidate"): st.column_config.Column(width=130),
            **{
                t(f"straw_polls.col_{c}"): st.column_config.Column(width=62)
                for c in ("encourage", "discourage", "no_opinion", "p5_discourage")
            },
            t("straw_polls.col_withdrew"): st.column_config.Column(width=85),
            t("straw_polls.col_source"): st.column_config.LinkColumn(
                display_text=t("straw_polls.source_link"), width=70
            ),
            t("straw_polls.col_note"): st.column_config.Column(width=110),
        },
    )
    st.caption(t("straw_polls.table_caption"))
    csv_download(model.results, f"straw-polls-{cycle}", key="results_csv")
    source_note(package, "straw_polls", "candidacies")
