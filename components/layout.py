"""Page frame every page shares: title and state sentence, source lines, footer, error page."""

from __future__ import annotations

from datetime import date

import streamlit as st

from components.i18n import current_language, format_date_in, t
from components.share import is_embedded, share_slot
from components.url_state import notice_slot
from loaders import Package
from views.text import md_link, md_text

__all__ = [
    "hide_navigation_when_embedded",
    "page_header",
    "source_note",
    "sidebar_footer",
    "problems_page",
    "format_date",
]


def format_date(value, precision: str = "day") -> str:
    """A date as people read it in the current language: '12 Apr 2016', 'Apr 2016' or '2016'."""
    return format_date_in(current_language(), value, precision)


def hide_navigation_when_embedded() -> None:
    """A slide shows the view alone: no sidebar (navigation, filters) inside the frame."""
    if is_embedded():
        st.html(
            "<style>[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl']"
            " {display: none !important;}</style>"
        )


def page_header(title: str, state_sentence: str) -> None:
    """The page title, one sentence saying what the view shows, and the place for link notices."""
    st.title(title)
    st.markdown(state_sentence)
    share_slot(title, state_sentence)  # the copy-link control, filled in by the entry file
    notice_slot()


def source_note(package: Package, *resources: str) -> None:
    """One caption under a chart: the tables it draws on, their sources and as-of dates."""
    parts = []
    for name in resources:
        res = package.descriptor.resource(name)
        sources = "; ".join(
            md_link(s.get("path"), s.get("title") or s.get("path", "")) for s in res.sources[:3]
        )
        more = t("common.and_more", n=len(res.sources) - 3) if len(res.sources) > 3 else ""
        as_of = t("common.as_of", date=res.as_of) if res.as_of else t("common.as_of_unknown")
        parts.append(f"**{md_text(res.title)}** — {sources}{more} ({as_of})")
    st.caption(t("common.source") + ": " + " · ".join(parts))


def sidebar_footer(package: Package) -> None:
    """Data version, as-of date and licence, at the foot of the sidebar on every page."""
    desc = package.descriptor
    licences = ", ".join(sorted({lic.get("name", "") for lic in desc.licenses if lic.get("name")}))
    st.sidebar.divider()
    st.sidebar.caption(
        t(
            "common.footer",
            as_of=format_date(date.fromisoformat(desc.as_of)) if desc.as_of else "?",
            version=package.version,
            licences=licences,
        )
    )


def problems_page(package: Package) -> None:
    """Shown instead of the app when the data package is invalid: every problem, readable."""
    st.title(t("common.invalid_title"))
    st.error(t("common.invalid_intro", n=len(package.problems), data_dir=str(package.data_dir)))
    rows = [
        {
            t("common.col_resource"): p.resource,
            t("common.col_line"): p.line,
            t("common.col_column"): p.column or "",
            t("common.col_rule"): p.rule,
            t("common.col_message"): p.message,
        }
        for p in package.problems
    ]
    st.dataframe(rows, hide_index=True, width="stretch")
    st.caption(t("common.invalid_howto"))
