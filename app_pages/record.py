"""Record in office: what an office holder did on each priority, and what they said as a
candidate."""

from datetime import date

import streamlit as st

from components.cached import arrow_table, cached
from components.charts import cached_figure, csv_download, show_chart
from components.data import get_package
from components.i18n import t, words
from components.layout import data_table, page_header, source_note
from components.url_state import url_choice, url_multi
from views import record as view

package = get_package()


def page_options(package) -> view.RecordOptions:
    """Office holders and priorities (cached per data version)."""
    return view.record_options(package.tables)


def person_years(package, person: str) -> tuple[list[str], str]:
    """The years of the person's record and the first one shown by default."""
    years = view.record_years(package.tables, person)
    return [str(y) for y in years], str(view.default_from_year(package.tables, person, years))


def record_model(package, person, selected, assessments, year_from, year_to) -> view.RecordModel:
    """The entries in the filters and everything shown of them (cached per data version,
    filters and language)."""
    as_of = package.descriptor.resource("record_entries").as_of
    return view.record_model(
        package.tables,
        person,
        selected,
        assessments,
        year_from,
        year_to,
        words(),
        record_as_of=date.fromisoformat(as_of) if as_of else None,
    )


def arrow(package, name: str, *filters):
    """The model's table `name` in Arrow (st.dataframe sends that as it is)."""
    return arrow_table(getattr(cached(record_model, package, *filters), name))


def timeline_chart(package, *filters):
    """The record timeline, finished."""
    return cached(record_model, package, *filters).timeline_fig


options = cached(page_options, package)
names, priorities = options.names, options.priorities


def show_record() -> None:
    """The filters and the record of the chosen person."""
    person = url_choice(
        "person",
        list(names),
        default=options.holders[0][0],
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
        format_func=lambda a: view.assessment_word(a, words()),
        widget="pills",
    )
    years, first = cached(person_years, package, person)
    # A period that ends before it starts falls back to the default period, with a notice.
    raw_from, raw_to = st.query_params.get_all("from"), st.query_params.get_all("to")
    period_notice = None
    if view.inverted_period(raw_from, raw_to, years):
        period_notice = t("record.notice_period", start=raw_from[0], end=raw_to[0])
        del st.query_params["from"]
        del st.query_params["to"]
    year_from = int(
        url_choice("from", years, default=first, label=t("record.from"), widget="select_slider")
    )
    year_to = int(
        url_choice("to", years, default=years[-1], label=t("record.to"), widget="select_slider")
    )

    filters = (person, tuple(chosen_priorities), tuple(chosen_assessments), year_from, year_to)
    model = cached(record_model, package, *filters)
    page_header(model.title, model.state)
    if period_notice:
        st.info(period_notice, icon=":material/info:")
    st.markdown(t("record.intro"))
    if model.notice:
        st.info(model.notice)

    if model.timeline_fig is not None:
        st.subheader(t("record.timeline_title"))
        show_chart(cached_figure(timeline_chart, package, *filters), key="timeline_chart")
        st.caption(t("record.timeline_caption"))
        source_note(package, "record_entries")
        csv_download(model.timeline, f"record-{person}-timeline", key="timeline_csv")

        # Counts per priority and year.
        st.subheader(t("record.counts_title"))
        counts = cached(arrow, package, "counts_table", *filters)
        data_table(counts, key="counts_table")
        st.caption(t("record.counts_caption"))
        csv_download(model.counts, f"record-{person}-counts", key="counts_csv")

        # Every entry.
        st.subheader(model.entries_title)
        table = cached(arrow, package, "table", *filters)
        data_table(
            table, key="entries_table", links={t("record.col_source"): t("record.source_link")}
        )
        csv_download(model.entries, f"record-{person}-entries", key="entries_csv")
        source_note(package, "record_entries")

    # Said vs did.
    st.subheader(t("record.said_did_title"))
    (st.info if model.cycle is None else st.markdown)(model.said_did_intro)
    for item in model.said_did:
        with st.container(border=True):
            st.markdown(item.heading)
            said, did = st.columns(2)
            for text in item.said:
                said.markdown(text)
            for text in item.did:
                did.markdown(text)
            if item.did_caption:
                did.caption(item.did_caption)
    if model.said_did:
        source_note(package, "statements", "searches", "record_entries")


if options.holders:
    show_record()
else:
    page_header(t("record.title"), t("record.state_none"))
    st.info(t("record.no_holders"))
    source_note(package, "record_entries")
