"""Compare: up to four candidacies of one cycle on the eight priorities — radar, table, coverage
and the statements behind every point."""

import polars as pl
import streamlit as st

from components.cached import cached
from components.charts import cached_figure, csv_download, show_chart
from components.data import get_package
from components.i18n import format_date, t
from components.layout import fit_table, page_header, source_note
from components.radar import radar_figure, radar_text, statement_line
from components.registry import page_file
from components.url_state import changed_here, url_choice, url_multi
from views import compare as view
from views.commitments import candidacy_options
from views.common import cycles_desc
from views.text import md_text

package = get_package()
tables = package.tables
cycles = [str(c) for c in cycles_desc(package["cycles"])]
cycle = int(url_choice("cycle", cycles, default=cycles[0], label=t("common.cycle")))


def cycle_options(package, cycle: int) -> dict:
    """The cycle's candidacies and default choice (cached per data version)."""
    return {
        "options": candidacy_options(package.tables, cycle),
        "default": view.default_candidates(package.tables, cycle),
        "as_of": view.cycle_as_of(package.tables, cycle),
    }


def compare_model(package, cycle: int, chosen: tuple[str, ...]) -> dict:
    """The radar frame, tables and statement lines of the chosen candidacies (cached)."""
    radar = view.radar_data(package.tables, cycle, list(chosen))
    people = list(dict.fromkeys(radar["person_id"]))
    text = radar_text()
    statements = view.statement_rows(package.tables, cycle, people) if people else None
    lines = {
        pid: [
            statement_line(r, text)
            for r in statements.iter_rows(named=True)
            if r["person_id"] == pid
        ]
        for pid in people
    }
    return {
        "radar": radar,
        "people": people,
        "names": dict(radar.select("person_id", "name").unique(maintain_order=True).iter_rows()),
        "levels": (
            view.level_table(radar, text.cell).rename({"priority": t("compare.col_priority")})
            if people
            else None
        ),
        "coverage": (
            view.coverage_table(radar).rename({"priority": t("compare.col_priority")})
            if people
            else None
        ),
        "lines": lines,
        # What the view shows, for source notes that cite these rows' sources.
        "shown": {
            "statements": statements if statements is not None else pl.DataFrame(),
            "searches": view.search_rows(package.tables, cycle, people),
        },
    }


def radar_chart(package, cycle: int, chosen: tuple[str, ...]):
    """The radar of the chosen candidacies, finished (built once per data version and language)."""
    return radar_figure(cached(compare_model, package, cycle, chosen)["radar"], radar_text())


per_cycle = cached(cycle_options, package, cycle)
options = dict(per_cycle["options"])

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

chosen = url_multi(
    "candidate",
    list(options),
    default=per_cycle["default"],
    label=t("compare.candidates", n=view.MAX_CANDIDATES),
    format_func=lambda pid: options.get(pid, pid),
    max_selections=view.MAX_CANDIDATES,
    help=t("compare.candidates_help"),
)

model = cached(compare_model, package, cycle, tuple(chosen))
radar, people = model["radar"], model["people"]
as_of = per_cycle["as_of"]
as_of_text = format_date(as_of) if as_of else t("common.as_of_unknown")
if len(people) == 1:
    state = t("compare.state_one", cycle=cycle, as_of=as_of_text)
elif people:
    state = t("compare.state", n=len(people), cycle=cycle, as_of=as_of_text)
else:
    state = t("compare.state_none", cycle=cycle, as_of=as_of_text)
page_header(t("compare.title"), state)

if not options:
    st.info(t("compare.no_candidacies", cycle=cycle), icon="🗳️")
elif not people:
    st.info(t("compare.empty"), icon="⚖️")
else:
    names = model["names"]
    link_cols = st.columns(len(people) + 1)
    link_cols[0].markdown(t("compare.profiles"))
    for col, pid in zip(link_cols[1:], people, strict=True):
        col.page_link(
            page_file("candidate"),
            label=md_text(names[pid]),
            icon="👤",
            query_params={"cycle": str(cycle), "candidate": pid},
        )

    # Side by side up to two candidacies; with more, the tables need the page's width.
    if len(people) <= 2:
        left, right = st.columns([3, 2], gap="medium")
    else:
        left, right = st.container(), st.container()
    with left:
        st.subheader(t("compare.radar_title"))
        show_chart(cached_figure(radar_chart, package, cycle, tuple(chosen)), key="compare_radar")
        shown = model["shown"]
        source_note(
            package, "statements", "searches", "assessments", "priorities", shown=shown
        )
        st.caption(t("compare.radar_caption"))
        csv_download(radar, f"compare-{cycle}", key="compare_radar_csv")
    with right:
        st.subheader(t("compare.table_title"))
        fit_table(model["levels"], key="compare_levels")
        st.caption(t("compare.table_caption"))
        st.subheader(t("compare.coverage_title"))
        fit_table(model["coverage"], key="compare_coverage")
        st.caption(t("compare.coverage_caption"))
        source_note(package, "asks", "statements", shown=shown)

    st.subheader(t("compare.statements_title"))
    st.caption(t("compare.statements_caption"))
    for pid in people:
        st.markdown(f"#### {md_text(names[pid])}")
        rows = model["lines"][pid]
        if rows:
            st.markdown("\n".join(rows))
        else:
            st.caption(t("compare.no_statements", name=md_text(names[pid])))
    source_note(package, "statements", shown=shown)
