"""A view shown as a presentation slide: only its main figure, sized to the frame, and the two
lines under it (the figure's caption and its source line).

`/present` shows each slide's view in a same-origin frame with `?embed=true`. Inside that frame the
entry file calls `slide_style(url_path)`, which hides everything but the page's main figure (the
chart keyed `PageEntry.slide_figure` in the registry) and the two captions after it. A page without
a main figure (overview, data) is shown whole, scrolling inside the frame.
"""

from __future__ import annotations

# Plotly imports pandas lazily, on a session's first chart. A deck opens a dozen sessions at once
# (one per slide frame), and threads racing through that first import met a half-initialised
# module ("partially initialized module 'pandas' has no attribute 'Series'"): a blank slide.
# Imported once here, when the entry file loads, before any session runs.
import pandas  # noqa: F401
import streamlit as st

from components.registry import PAGES
from components.share import is_embedded

__all__ = ["slide_figure_key", "slide_style"]

# The figure takes the frame's height less room for its two captions (at most ~3 lines each).
STYLE = """<style>
[data-testid="stMainBlockContainer"] {{padding: 0.25rem 1rem 0 1rem !important; max-width: 100%;
  height: 100vh; box-sizing: border-box; display: flex; flex-direction: column;}}
[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]:not(
  .st-key-{key}, .st-key-{key} *, .st-key-{key} + *, .st-key-{key} + * + *)
  {{display: none !important;}}
[data-testid="stColumn"]:not(:has(.st-key-{key})),
[data-testid="stLayoutWrapper"]:not(:has(.st-key-{key})) {{display: none !important;}}
:is([data-testid="stVerticalBlock"], [data-testid="stLayoutWrapper"],
    [data-testid="stHorizontalBlock"], [data-testid="stColumn"]):has(.st-key-{key}) {{
  flex: 1 1 0 !important; min-height: 0; width: 100% !important; max-width: 100% !important;
  display: flex !important; flex-direction: column !important; gap: 0.25rem !important;}}
.st-key-{key} {{flex: 1 1 0 !important; min-height: 0; height: auto !important;}}
.st-key-{key} [data-testid="stFullScreenFrame"], .st-key-{key} [data-testid="stPlotlyChart"] {{
  height: 100% !important;}}
.st-key-{key} + *, .st-key-{key} + * + * {{flex: 0 0 auto !important;}}
.st-key-{key} + * [data-testid="stCaptionContainer"],
.st-key-{key} + * + * [data-testid="stCaptionContainer"] {{font-size: 0.85rem; line-height: 1.3;}}
</style>"""


def slide_figure_key(url_path: str) -> str:
    """The widget key of the page's main figure ('' when the page has none)."""
    return next((p.slide_figure for p in PAGES if p.url_path == url_path), "")


def slide_style(url_path: str) -> None:
    """Inside a presentation frame, show only the page's main figure and its two captions."""
    key = slide_figure_key(url_path)
    if is_embedded() and key:
        st.html(STYLE.format(key=key))
