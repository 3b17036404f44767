"""Data text shown as text: curated strings never become markup, images or links of their own.

The one text-to-Markdown function (`md_text`) and the one way to link a source (`md_link`, on the
URL rule of `loaders.urls`). Everything Streamlit renders as Markdown — st.markdown, captions,
notices, headings, and the labels and help of widgets, page links, expanders and tabs — gets data
strings through these two. Plotly reads a small HTML subset (bold, links, line breaks) in chart
labels and hover text: data goes there through `chart_text`. No Streamlit import, so views and
components can both use it.
"""

from __future__ import annotations

import html
import re

from loaders.urls import is_http_url

__all__ = ["md_text", "md_plain", "md_link", "chart_text", "is_http_url"]

# Every character Markdown (and Streamlit's extensions: $math$, :colour[...], emoji :codes:) may
# treat as syntax, plus < and > so no HTML tag survives, and & so no entity does.
_SPECIAL = r"[\\`*_{}\[\]()#+\-.!|>~<$:&]"
_MD_SPECIAL = re.compile(f"({_SPECIAL})")
_ESCAPED = re.compile(f"\\\\({_SPECIAL})")


def md_text(value: object, limit: int | None = None) -> str:
    """`value` escaped for Markdown, on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(str(value if value is not None else "").split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_plain(markdown: str) -> str:
    """The text `md_text` escaped, without its escapes (for a plain-text field such as an input)."""
    return _ESCAPED.sub(r"\1", markdown)


def md_link(url: object, label: object) -> str:
    """A Markdown link when `url` passes the URL rule; otherwise the escaped label alone."""
    if not is_http_url(url):
        return md_text(label)
    return f"[{md_text(label)}]({url})"


def chart_text(value: object) -> str:
    """`value` for a Plotly label or hover text: `<`, `>` and `&` as entities, so no tag or link."""
    return html.escape(str(value if value is not None else ""), quote=False)
