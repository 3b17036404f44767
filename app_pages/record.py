"""Record in office: what an office holder did on each priority, and what they said as a
candidate."""

from datetime import date

import polars as pl
import streamlit as st

from components.cached import arrow_table, cached
from components.charts import (
    ASSESSMENT_STYLE,
    STATUS_STYLE,
    cached_figure,
    csv_download,
    show_chart,
)
from components.data import get_package
from components.i18n import format_date, t
from components.layout import fitted_columns, page_header, source_note
from components.url_state import url_choice, url_multi
from views import record as view
from views.commitments import LEVEL_NAMES
from views.text import md_link, md_text

# The "did" list under each priority shows at most this many entries (the newest); the table of
# every entry above it holds them all.
DID_LIMIT = 50

package = get_package()


def page_options(package) -> dict:
    """Office holders and priorities (cached per data version)."""
    return {
        "holders": view.office_holders(package.tables),
        "priorities": dict(
            package["priorities"].sort("order").select("priority_id", "title").iter_rows()
        ),
    }


options = cached(page_options, package)
holders = options["holders"]
names = dict(holders)
priorities = options["priorities"]


def assessment_word(assessment: str) -> str:
    """Symbol and word of a record assessment, e.g. '▲ advances'."""
    return f"{ASSESSMENT_STYLE[assessment]['symbol']} {t('common.assessment_' + assessment)}"


def status_word(status: str) -> str:
    """Symbol and word of a commitment status, e.g. '●●○ clear (2)'."""
    return f"{STATUS_STYLE[status]['symbol']} {t('common.status_' + status)}"


def links(urls) -> str:
    """Markdown links to http(s) sources (anything else is never linked)."""
    urls = list(urls or [])
    return " · ".join(md_link(u, f"{t('record.source')} {i}") for i, u in enumerate(urls, 1)) or t(
        "record.no_source"
    )


def person_years(package, person: str) -> list[int]:
    """The years of the person's record (cached per data version)."""
    return view.record_years(package.tables, person)


def record_model(package, person, selected, assessments, year_from, year_to) -> dict:
    """The entries in the filters and everything derived from them (cached per data version,
    filters and language)."""
    entries = view.filter_entries(
        package.tables, person, list(selected), list(assessments), year_from, year_to
    )
    timeline = view.timeline_data(entries, list(selected), format_date)
    model = {
        "entries": entries,
        "timeline": timeline,
        "said_did": view.said_vs_did(package.tables, person, list(selected), entries),
        "cycle": view.campaign_cycle(package.tables, person),
    }
    if selected and not timeline.is_empty():
        counts = view.counts_by_priority_year(
            entries, list(selected), list(range(year_from, year_to + 1))
        )
        titles = cached(page_options, package)["priorities"]
        model["counts"] = counts
        model["counts_table"] = arrow_table(
            counts.with_columns(
                pl.col("priority_id").replace_strict(
                    {p: f"{p.upper()} · {titles[p]}" for p in selected}
                )
            ).rename({"priority_id": t("record.col_priority"), "total": t("record.col_total")})
        )
        model["table"] = arrow_table(
            pl.DataFrame(
                {
                    t("record.col_date"): [
                        format_date(d, p)
                        for d, p in entries.select("date", "date_precision").iter_rows()
                    ],
                    t("record.col_priority"): [p.upper() for p in entries["priority_id"]],
                    t("record.col_kind"): [t("record.kind_" + k) for k in entries["kind"]],
                    t("record.col_assessment"): [assessment_word(a) for a in entries["assessment"]],
                    t("record.col_title"): entries["title"].to_list(),
                    t("record.col_summary"): entries["summary"].to_list(),
                    t("record.col_source"): entries["sources"].list.first().to_list(),
                },
                schema={
                    t("record.col_date"): pl.String,
                    t("record.col_priority"): pl.String,
                    t("record.col_kind"): pl.String,
                    t("record.col_assessment"): pl.String,
                    t("record.col_title"): pl.String,
                    t("record.col_summary"): pl.String,
                    t("record.col_source"): pl.String,
                },
            )
        )
    return model


def timeline_chart(package, person, selected, assessments, year_from, year_to):
    """The record timeline, finished (built once per data version, filters and language)."""
    model = cached(record_model, package, person, selected, assessments, year_from, year_to)
    priorities = cached(page_options, package)["priorities"]
    return view.timeline_figure(
        model["timeline"],
        lane_labels=[f"{p.upper()} · {priorities[p]}" for p in selected],
        # The legend draws each marker itself: the word alone, not '▲ ▲ advances'.
        assessment_labels={a: t("common.assessment_" + a) for a in view.ASSESSMENTS},
        styles=ASSESSMENT_STYLE,
        source_word=t("record.source"),
        x_title=t("record.axis_date"),
    )


if not holders:
    page_header(t("record.title"), t("record.state_none"))
    st.info(t("record.no_holders"))
    source_note(package, "record_entries")
else:
    person = url_choice(
        "person",
        list(names),
        default=holders[0][0],
        label=t("record.person"),
        format_func=lambda p: names.get(p, p),
    )
    chosen_priorities = url_multi(
        "priority",
        list(priorities),
        default=list(priorities),
        label=t("record.priorities"),
        format_func=lambda p: f"{p.upper()} · {priorities.get(p, p)}",
    )
    chosen_assessments = url_multi(
        "assessment",
        list(view.ASSESSMENTS),
        default=list(view.ASSESSMENTS),
        label=t("record.assessments"),
        format_func=assessment_word,
        widget="pills",
    )
    years = [str(y) for y in cached(person_years, package, person)]
    # A period that ends before it starts falls back to the default period, with a notice.
    period_notice = None
    raw_from, raw_to = st.query_params.get_all("from"), st.query_params.get_all("to")
    if (
        len(raw_from) == 1
        and len(raw_to) == 1
        and raw_from[0] in years
        and raw_to[0] in years
        and int(raw_from[0]) > int(raw_to[0])
    ):
        period_notice = t("record.notice_period", start=raw_from[0], end=raw_to[0])
        del st.query_params["from"]
        del st.query_params["to"]
    first = str(view.default_from_year(package.tables, person, [int(y) for y in years]))
    year_from = int(
        url_choice("from", years, default=first, label=t("record.from"), widget="select_slider")
    )
    year_to = int(
        url_choice("to", years, default=years[-1], label=t("record.to"), widget="select_slider")
    )

    selected = [p for p in priorities if p in chosen_priorities]
    filters = (person, tuple(selected), tuple(chosen_assessments), year_from, year_to)
    model = cached(record_model, package, *filters)
    entries = model["entries"]
    as_of_text = package.descriptor.resource("record_entries").as_of
    as_of = format_date(date.fromisoformat(as_of_text)) if as_of_text else t("common.as_of_unknown")
    roles = ", ".join(md_text(r) for r in entries["role"].unique(maintain_order=True)) or t(
        "record.no_role"
    )
    priority_phrase = (
        t("record.all_priorities")
        if len(selected) == len(priorities)
        else ", ".join(p.upper() for p in selected) or t("record.no_priority")
    )
    assessment_phrase = (
        t("record.all_assessments")
        if len(chosen_assessments) == len(view.ASSESSMENTS)
        else ", ".join(t("common.assessment_" + a) for a in chosen_assessments)
        or t("record.no_assessment")
    )
    page_header(
        t("record.title"),
        t(
            "record.state",
            n=entries.height,
            name=md_text(names.get(person, person)),
            roles=roles,
            start=year_from,
            end=year_to,
            priorities=priority_phrase,
            assessments=assessment_phrase,
            as_of=as_of,
        ),
    )
    if period_notice:
        st.info(period_notice, icon=":material/info:")
    st.markdown(t("record.intro"))

    if not selected or not chosen_assessments:
        st.info(t("record.empty_selection"))
    elif entries.is_empty():
        st.info(t("record.no_entries", start=year_from, end=year_to))

    # Timeline.
    timeline = model["timeline"]
    if selected and not timeline.is_empty():
        st.subheader(t("record.timeline_title"))
        show_chart(cached_figure(timeline_chart, package, *filters), key="timeline_chart")
        st.caption(t("record.timeline_caption"))
        source_note(package, "record_entries")
        csv_download(timeline, f"record-{person}-timeline", key="timeline_csv")

        # Counts per priority and year.
        st.subheader(t("record.counts_title"))
        counts = model["counts"]
        st.dataframe(
            model["counts_table"],
            hide_index=True,
            width="stretch",
            key="counts_table",
            column_config=fitted_columns(model["counts_table"]),
        )
        st.caption(t("record.counts_caption"))
        csv_download(counts, f"record-{person}-counts", key="counts_csv")

        # Every entry.
        st.subheader(t("record.entries_title", n=entries.height))
        table = model["table"]
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            key="entries_table",
            column_config=fitted_columns(
                table,
                {
                    t("record.col_source"): st.column_config.LinkColumn(
                        display_text=t("record.source_link")
                    ),
                },
            ),
        )
        csv_download(entries, f"record-{person}-entries", key="entries_csv")
        source_note(package, "record_entries")

    # Said vs did.
    said_did, cycle = model["said_did"], model["cycle"]
    st.subheader(t("record.said_did_title"))
    if cycle is None:
        st.info(t("record.never_candidate", name=md_text(names.get(person, person))))
    else:
        st.markdown(
            t("record.said_did_intro", name=md_text(names.get(person, person)), cycle=cycle)
        )
    for item in said_did:
        with st.container(border=True):
            st.markdown(f"#### {item['priority_id'].upper()} · {md_text(item['title'])}")
            said, did = st.columns(2)
            said.markdown(f"**{t('record.said', cycle=item['cycle'] or '—')}**")
            if item["status"] is not None:
                review = t("common.reviewed") if item["reviewed"] else t("common.provisional")
                said.markdown(
                    f"{status_word(item['status'])} · *{review}*"
                    if item["level"] is not None
                    else status_word(item["status"])
                )
            if item["statements"]:
                for s in item["statements"]:
                    level = LEVEL_NAMES[s["commitment_level"]]
                    ask = md_text(s["ask_id"]) if s["ask_id"] else t("record.priority_general")
                    quote = f" — “{md_text(s['quote'])}”" if s["quote"] else ""
                    second = f" *({t('record.second_hand')})*" if s["second_hand"] else ""
                    when = format_date(s["date"], s["date_precision"])
                    said.markdown(
                        f"- {when} · {ask} · **{status_word(level)}**{second}: "
                        f"{md_text(s['paraphrase'])}{quote} ({links(s['sources'])})"
                    )
            elif item["cycle"] is None:
                said.markdown(t("record.said_no_cycle"))
            else:
                said.markdown(t("record.said_none_" + item["status"]))
            did.markdown(f"**{t('record.did')}**")
            n_did = sum(item["counts"].values())
            if n_did:
                did.markdown(
                    " · ".join(f"{assessment_word(a)}: **{n}**" for a, n in item["counts"].items())
                )
                did.markdown(
                    "\n".join(
                        f"- {format_date(e['date'], e['date_precision'])} · "
                        f"{ASSESSMENT_STYLE[e['assessment']]['symbol']} {md_text(e['title'])}"
                        for e in item["entries"][-DID_LIMIT:]
                    )
                )
                if n_did > DID_LIMIT:
                    did.caption(t("record.did_shown", shown=DID_LIMIT, total=n_did))
            else:
                did.markdown(t("record.did_none"))
    if said_did:
        source_note(package, "statements", "searches", "record_entries")
