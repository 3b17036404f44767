"""Page frame every page shares: title and state sentence, source lines, footer, error page."""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import polars as pl
import pyarrow as pa
import streamlit as st

from components.cached import arrow_table, cached, per_object
from components.i18n import data_text, format_date, t, words
from components.registry import page_target
from components.share import is_embedded, share_slot
from components.url_state import notice_slot
from loaders import Package
from views.common import mapped
from views.text import is_http_url, md_link, md_text

__all__ = [
    "CARD_WIDTH_PX",
    "PAGE_ICON",
    "candidate_link",
    "hide_navigation_when_embedded",
    "page_header",
    "source_note",
    "sidebar_footer",
    "problems_page",
    "fit_table",
    "fit_table_paged",
    "fitted_columns",
    "data_table",
    "COLUMNS_PER_TABLE",
    "layout_css",
]

_LOG = logging.getLogger(__name__)

# The tab's icon is the app's own image, inline: an emoji shows as an empty box where the machine
# has no emoji font, a Material icon makes the browser fetch a font from a CDN, and an image file
# is read and registered as a media file on every run of every session (st.set_page_config).
PAGE_ICON = "data:image/png;base64," + base64.b64encode(
    (Path(__file__).resolve().parents[1] / "static" / "favicon.png").read_bytes()
).decode("ascii")

# An overview card's width: three to a line at 1280 px, five at 1920 px. The page sets it on each
# card (right from the first paint); the style below lets the cards grow to fill their line.
CARD_WIDTH_PX = 256

# Tables and metric values (a name such as "António Guterres" in a quarter of 820 px) wrap their
# text and never run past the page or end in "…"; the overview's cards share each line
# (three at 1280 px, five at 1920 px, one on a phone); on a phone the main area uses the full
# width, and charts keep their own height (Plotly's fixed heights are set per figure).
LAYOUT_CSS = """<style>
[data-testid="stTable"] { overflow-x: visible; }
[data-testid="stTable"] table { width: 100%; table-layout: auto; }
[data-testid="stTable"] th, [data-testid="stTable"] td { vertical-align: top; }
[data-testid="stTable"] th, [data-testid="stTable"] td,
[data-testid="stTable"] th *, [data-testid="stTable"] td * {
  white-space: normal; overflow-wrap: anywhere; word-break: normal; min-width: 0;
}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  white-space: normal !important; overflow-wrap: break-word; text-overflow: clip !important;
}
.st-key-candidacy_cards > [data-testid="stLayoutWrapper"] {
  flex: 1 1 CARD_WIDTHpx; max-width: 22rem;
}
@media (max-width: 640px) {
  .st-key-candidacy_cards > [data-testid="stLayoutWrapper"] { max-width: none; }
  [data-testid="stMainBlockContainer"] { padding-left: 0.75rem; padding-right: 0.75rem; }
  [data-testid="stTable"] th, [data-testid="stTable"] td {
    padding: 0.25rem 0.3rem; font-size: 0.8rem;
  }
}
</style>""".replace("CARD_WIDTH", str(CARD_WIDTH_PX))


def hide_navigation_when_embedded() -> None:
    """A slide shows the view alone: no sidebar (navigation, filters) inside the frame."""
    if is_embedded():
        st.html(
            "<style>[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl']"
            " {display: none !important;}</style>"
        )


def layout_css() -> None:
    """The shared table and phone styles (a style-only block takes no space on the page)."""
    st.html(LAYOUT_CSS)


def fit_table(
    frame: pl.DataFrame, *, key: str, markdown: Iterable[str] = (), empty: str = "—"
) -> None:
    """A small table that fits the page at any width: a static table whose cells wrap.

    Every cell is shown as text (escaped) except the columns named in `markdown`, which the caller
    built with `md_link` / `md_text`; null cells show `empty`. For lists of more than a few dozen
    rows use `st.dataframe` with column widths instead. `key` names the container
    (`st-key-table-<key>`), so tests and styles can find the table.
    """
    cells = per_object(_table_cells, frame, tuple(sorted(markdown)), empty)
    with st.container(key=f"table-{key}"):
        st.table(cells, hide_index=True)


FIT_WIDTH_PX = 760  # the main area is ~820 px wide at 1280 px with the sidebar open


def _table_cells(frame: pl.DataFrame, trusted: tuple[str, ...], empty: str) -> pa.Table:
    texts = frame.with_columns(pl.col(c).cast(pl.String).fill_null(empty) for c in frame.columns)
    cells = texts.with_columns(
        mapped(texts, c, md_text, pl.String).alias(c) for c in texts.columns if c not in trusted
    )
    return arrow_table(cells.rename({c: md_text(c) for c in cells.columns}))


def fitted_columns(frame, config: Mapping | None = None, budget: int = FIT_WIDTH_PX) -> dict:
    """`st.dataframe` column_config with a width for every column of `frame` (pandas, polars or
    Arrow with `.columns`/`column_names`), shared out by typical text length so that together
    they fit `budget` px: every column is in sight at 1280 px (wider screens stretch them).
    `config` entries (labels or column configs) are kept, with their width replaced."""
    sizes = per_object(_typical_widths, frame)
    names = list(sizes)
    total = sum(sizes.values()) or 1
    config = dict(config or {})
    out = {}
    for c in names:
        entry = config.get(c)
        entry = {"label": entry} if isinstance(entry, str) else dict(entry or {})
        entry["width"] = max(int(budget * sizes[c] / total), 40)
        out[c] = entry
    return out


def _typical_widths(frame) -> dict[str, float]:
    """{column: typical text length} over the first 50 rows (header counted at 0.6)."""
    names = list(getattr(frame, "column_names", None) or frame.columns)
    head = pl.from_arrow(frame.slice(0, 50)) if hasattr(frame, "column_names") else frame.head(50)
    head = head if isinstance(head, pl.DataFrame) else pl.DataFrame(head)

    def typical(column: str) -> float:
        values = [len(str(v)) for v in head[column].to_list() if v is not None]
        body = sorted(values)[len(values) // 2] if values else 0
        return min(max(len(str(column)) * 0.6, body, 4), 40)

    return {c: typical(c) for c in names}


def data_table(
    frame,
    *,
    key: str | None = None,
    links: Mapping[str, str | None] | None = None,
    fit: bool = True,
) -> None:
    """A scrolling table (`st.dataframe`, no index, full width) for lists too long for
    `fit_table`; the columns in `links` show as links (with that text, or the address if None),
    and with `fit` every column gets a width from `fitted_columns`."""
    config = {
        c: st.column_config.LinkColumn(display_text=text) for c, text in (links or {}).items()
    }
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        key=key,
        column_config=fitted_columns(frame, config) if fit else config,
    )


COLUMNS_PER_TABLE = 4  # candidacies side by side that still fit a phone's width


def fit_table_paged(
    frame: pl.DataFrame, *, key: str, page_label: str, keep: int = 1, per_page: int = 0
) -> None:
    """`fit_table`, with the columns after the first `keep` split into tabs of `per_page`
    (default COLUMNS_PER_TABLE) when there are more: every tab repeats the first columns.
    `page_label` is a template with {first}, {last} and {n}, e.g. 'Candidates {first}–{last} of
    {n}'; tables are keyed `<key>-1`, `<key>-2`, …"""
    per_page = per_page or COLUMNS_PER_TABLE
    fixed, rest = frame.columns[:keep], frame.columns[keep:]
    if len(rest) <= per_page:
        fit_table(frame, key=key)
        return
    groups = [rest[i : i + per_page] for i in range(0, len(rest), per_page)]
    labels = [
        page_label.format(first=i * per_page + 1, last=i * per_page + len(g), n=len(rest))
        for i, g in enumerate(groups)
    ]
    for i, (tab, group) in enumerate(zip(st.tabs(labels), groups, strict=True), 1):
        with tab:
            fit_table(frame.select(*fixed, *group), key=f"{key}-{i}")


def candidate_link(cycle: int, person_id: str, label: str, *, where=st) -> None:
    """A link to one candidacy's profile page (in `where`: the page, or a column)."""
    where.page_link(
        page_target("candidate"),
        label=label,
        icon=":material/person:",
        query_params={"cycle": str(cycle), "candidate": person_id},
    )


def page_header(title: str, state_sentence: str) -> None:
    """The page title, one sentence saying what the view shows, and the place for link notices."""
    layout_css()
    st.title(title)
    st.markdown(state_sentence)
    share_slot(title, state_sentence)  # the copy-link control, filled in by the entry file
    notice_slot()


def cited_urls(rows: pl.DataFrame) -> list[str]:
    """The distinct http(s) addresses in the `source_url` column (text or list) of `rows`, most
    cited first (ties in first-seen order)."""
    if "source_url" not in rows.columns or rows.height == 0:
        return []
    urls = rows["source_url"]
    if urls.dtype == pl.List(pl.String):
        urls = urls.explode()
    counts = urls.drop_nulls().value_counts(sort=True)
    return [u for u in counts[urls.name].to_list() if is_http_url(u)]


def _host(url: str) -> str:
    host = urlparse(url).hostname or url
    return host.removeprefix("www.")


def source_note(
    package: Package, *resources: str, shown: Mapping[str, pl.DataFrame] | None = None
) -> None:
    """One caption under a chart: the tables it draws on, their sources and as-of dates.

    For a table in `shown` (its rows as the view shows them, with a `source_url` column) the note
    cites the sources those rows cite (by site, most cited first), not the whole table's: a 2026
    view never cites 2016's sources.
    """
    if shown is None:  # the same text for every visitor of this data version and language
        st.caption(cached(_source_text, package, resources))
    else:
        st.caption(_source_text(package, resources, shown))


def _source_text(
    package: Package, resources: tuple[str, ...], shown: Mapping[str, pl.DataFrame] | None = None
) -> str:
    parts = []
    for name in resources:
        res = package.descriptor.resource(name)
        if shown is not None and name in shown:
            urls = cited_urls(shown[name])
            links = [md_link(u, _host(u)) for u in urls[:3]]
            sources = t("common.cited", n=len(urls)) + " " + "; ".join(links) if urls else ""
            sources = sources or t("common.nothing_cited")
            more = t("common.and_more", n=len(urls) - 3) if len(urls) > 3 else ""
        else:
            sources = "; ".join(
                md_link(s.get("path"), words().source_title(s)) for s in res.sources[:3]
            )
            more = t("common.and_more", n=len(res.sources) - 3) if len(res.sources) > 3 else ""
        as_of = (
            t("common.as_of", date=format_date(date.fromisoformat(res.as_of)))
            if res.as_of
            else t("common.as_of_unknown")
        )
        title = data_text("resources", f"{name}_title", res.title)
        parts.append(f"**{md_text(title)}** — {sources}{more} ({as_of})")
    return t("common.labelled", label=t("common.source"), value=" · ".join(parts))


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
    if note := t("common.evidence_language"):
        st.sidebar.caption(note)


def problems_page(package: Package) -> None:
    """Shown instead of the app when the data package is invalid: every problem, readable."""
    st.title(t("common.invalid_title"))
    # The folder is the server's business: it goes to the log, not to the public page.
    _LOG.warning("data package at %s: %d problem(s)", package.data_dir, len(package.problems))
    st.error(t("common.invalid_intro", n=len(package.problems)))
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
