"""The one rule for "is this an http(s) link": used by the validator and by every page that links.

A source address is linked only when it is an absolute http(s) URL with a host and none of the
characters that could end a Markdown link target or an HTML attribute early: whitespace, control
characters, double quotes, backticks, angle brackets, brackets, parentheses, braces, backslash, `|`,
`^` and `;` (the package's list separator). So `https://example.org/a)[more](https://other.example)`
is refused instead of turning into a second link; a real address with parentheses is written with
%28 and %29. (A single quote is allowed: real sources use it, and it cannot end a Markdown target;
HTML output escapes it.) The same pattern runs in Python's `re` and in Polars.
"""

from __future__ import annotations

import re

import polars as pl

__all__ = ["HTTP_URL_PATTERN", "is_http_url", "http_links", "http_only"]

_NOT_IN_URL = r"\s\x00-\x1f\x7f<>\"`()\[\]{}|\\^;"
HTTP_URL_PATTERN = rf"(?i)^https?://[^{_NOT_IN_URL}/?#@]+(?:[/?#][^{_NOT_IN_URL}]*)?$"
_HTTP_URL = re.compile(HTTP_URL_PATTERN)


def is_http_url(url: object) -> bool:
    """True only for a string that passes the link rule above."""
    return isinstance(url, str) and bool(_HTTP_URL.match(url))


def http_links(urls) -> list[str]:
    """Only the addresses of a list cell that pass the rule (anything else is never a link)."""
    return [u for u in (list(urls) if urls is not None else []) if is_http_url(u)]


def http_only(column: str = "source_url") -> pl.Expr:
    """A List[String] column of addresses keeping only those that pass the rule (empty for null)."""
    return (
        pl.col(column)
        .fill_null(pl.lit([], dtype=pl.List(pl.String)))
        .list.eval(pl.element().filter(pl.element().str.contains(HTTP_URL_PATTERN)))
    )
