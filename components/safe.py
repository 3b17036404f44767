"""Data text shown as text: curated strings never become markup, images or script links."""

from __future__ import annotations

import re

__all__ = ["md_text", "md_link", "is_http_url"]

# Every character Markdown (and Streamlit's extensions: $math$, :colour[...], emoji :codes:) may
# treat as syntax, plus < and > so no HTML tag survives.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$:&])")
_HTTP = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


def md_text(value: object, limit: int | None = None) -> str:
    """`value` escaped for st.markdown, on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(str(value if value is not None else "").split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return _MD_SPECIAL.sub(r"\\\1", text)


def is_http_url(url: object) -> bool:
    """True only for absolute http(s) addresses without spaces or quotes."""
    return isinstance(url, str) and bool(_HTTP.match(url))


def md_link(url: object, label: object) -> str:
    """A Markdown link when `url` is http(s); otherwise the escaped label alone (never a link)."""
    if not is_http_url(url):
        return md_text(label)
    target = str(url).replace("(", "%28").replace(")", "%29")
    return f"[{md_text(label)}]({target})"
