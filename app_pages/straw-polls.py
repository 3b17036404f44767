"""Straw polls: how the Security Council's straw polls went for each candidate of one cycle."""

import polars as pl
import streamlit as st

from components.cached import arrow_table, cached
from components.charts import cached_figure, csv_download, show_chart
from components.data import get_package
from components.i18n import format_date, t
from components.layout import fit_table, page_header, source_note
from components.registry import page_file
from components.url_state import url_choice, url_multi
from views import straw_polls as view
from views.common import cycles_desc

package = get_package()
with_polls = view.poll_cycles(package.tables)
all_cycles = sorted(set(cycles_desc(package["cycles"])) | set(with_polls), reverse=True)
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


def poll_model(package, cycle: int, chosen: tuple[str, ...]) -> dict:
    """Frames and tables of the shown polls (cached per data version, filters and language)."""
    results = view.poll_results(package.tables, cycle, list(chosen) or None)
    series = view.encourage_series(results)
    shown = view.panel_polls(results)
    segments = view.vote_segments(results).filter(pl.col("poll_number").is_in(shown))
    poll_cols = [f"{t('straw_polls.poll')} {n}" for n in sorted(series["poll_number"].unique())]
    trend_table = (
        series.with_columns(
            pl.format("{} {}", pl.lit(t("straw_polls.poll")), pl.col("poll_number")).alias("poll"),
            pl.col("encourage").cast(pl.String).fill_null(t("straw_polls.not_reported")),
        )
        .pivot(on="poll", index="name", values="encourage", maintain_order=True)
        .rename({"name": t("straw_polls.col_candidate")})
    )
    trend_table = trend_table.select(
        t("straw_polls.col_candidate"), *[c for c in poll_cols if c in trend_table.columns]
    ).fill_null("—")
    not_reported = t("straw_polls.not_reported")
    table = results.select(
        pl.col("poll_number").alias(t("straw_polls.col_poll")),
        pl.Series(
            t("straw_polls.col_date"), [format_date(d) for d in results["date"]], dtype=pl.String
        ),
        pl.col("name").alias(t("straw_polls.col_candidate")),
        *[
            pl.col(c).cast(pl.String).fill_null(not_reported).alias(t(f"straw_polls.col_{c}"))
            for c in ("encourage", "discourage", "no_opinion", "p5_discourage")
        ],
        pl.Series(
            t("straw_polls.col_withdrew"),
            [
                format_date(w) if last else ""
                for w, last in results.select("withdrawal_date", "withdrew_after").iter_rows()
            ],
            dtype=pl.String,
        ),
        view.first_http_source().alias(t("straw_polls.col_source")),
        pl.col("note").fill_null("").alias(t("straw_polls.col_note")),
    )
    return {
        "results": results,
        "summary": view.poll_summary(package.tables, cycle, results),
        "series": series,
        "segments": segments,
        "panels": len(shown),
        "polls": results["poll_number"].n_unique(),
        "trend_table": trend_table,
        "table": arrow_table(table),
    }


def trend_chart(package, cycle: int, chosen: tuple[str, ...]):
    """The "encourage" lines, finished (built once per data version, filters and language)."""
    return view.trend_figure(
        cached(poll_model, package, cycle, chosen)["series"],
        labels={
            "withdrew": t("straw_polls.withdrew"),
            "not_reported": t("straw_polls.not_reported"),
            "encourage": t("straw_polls.vote_encourage"),
            "poll": t("straw_polls.poll"),
        },
        format_date=format_date,
    )


def votes_chart(package, cycle: int, chosen: tuple[str, ...]):
    """The per-poll small multiples (latest polls only), finished and cached like the trend."""
    model = cached(poll_model, package, cycle, chosen)
    return view.votes_figure(
        model["segments"],
        model["results"],
        vote_labels={v: t(f"straw_polls.vote_{v}") for v in view.VOTES},
        format_date=format_date,
        poll_word=t("straw_polls.poll"),
        title_x=t("straw_polls.axis_members"),
    )


model = cached(poll_model, package, cycle, tuple(chosen))
results, summary = model["results"], model["summary"]
as_of = format_date(summary.as_of) if summary.as_of else t("common.as_of_unknown")

if not polled:
    page_header(t("straw_polls.title"), t("straw_polls.state_none", cycle=cycle, as_of=as_of))
    st.info(t("straw_polls.no_polls", cycle=cycle, as_of=as_of), icon="🗳️")
    for other in with_polls:
        st.page_link(
            page_file("straw-polls"),
            label=t("straw_polls.see_cycle", cycle=other),
            icon="🗳️",
            query_params={"cycle": str(other)},
        )
    source_note(package, "straw_polls", "cycles")
else:
    state = t(
        "straw_polls.state",
        polls=summary.polls,
        cycle=cycle,
        first=format_date(summary.first),
        last=format_date(summary.last),
        n=summary.candidates,
        withdrawn=summary.withdrawn,
        as_of=as_of,
    )
    if chosen:
        state += " " + t("straw_polls.state_filtered", shown=summary.candidates, total=len(polled))
    page_header(t("straw_polls.title"), state)
    st.markdown(t("straw_polls.intro"))

    # Trend of "encourage" votes.
    st.subheader(t("straw_polls.trend_title"))
    series = model["series"]
    show_chart(cached_figure(trend_chart, package, cycle, tuple(chosen)), key="trend_chart")
    st.caption(t("straw_polls.trend_caption"))
    source_note(package, "straw_polls", "candidacies")
    fit_table(model["trend_table"], key="trend_table")
    st.caption(t("straw_polls.trend_table_caption"))
    csv_download(series, f"straw-polls-{cycle}-encourage", key="trend_csv")

    # Every vote, poll by poll (the latest polls only, when there are very many).
    st.subheader(t("straw_polls.votes_title"))
    show_chart(cached_figure(votes_chart, package, cycle, tuple(chosen)), key="votes_chart")
    st.caption(t("straw_polls.votes_caption"))
    if model["panels"] < model["polls"]:
        st.caption(t("straw_polls.votes_latest", shown=model["panels"], total=model["polls"]))
    source_note(package, "straw_polls")
    csv_download(model["segments"], f"straw-polls-{cycle}-votes", key="votes_csv")

    st.subheader(t("straw_polls.table_title"))
    st.dataframe(
        model["table"],
        hide_index=True,
        width="stretch",
        key="results_table",
        # Widths that add up to the page at 1280 px (each column can still be widened).
        column_config={
            t("straw_polls.col_poll"): st.column_config.Column(width=45),
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
    csv_download(results, f"straw-polls-{cycle}", key="results_csv")
    source_note(package, "straw_polls", "candidacies")
