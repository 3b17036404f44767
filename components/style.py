"""The app's own CSS, in one place, drawn by the entry file first thing in every run.

Sections are owned by topic: `ACCESSIBILITY` (contrast and focus, checked by axe-core in
tests/browser/test_a11y.py). Chart, table and phone layout rules belong in their own section here,
not in pages. Page-only rules (the presentation's full-screen frame) stay with their page.

Streamlit puts a style-only `st.html` in its event container. Drawn first in every run, the style
is that container's first element in every session (a slide's too), so each run's copy takes the
place of the last one unchanged and the style never leaves the page while a widget reruns it or
the navigation changes page (tests/browser/test_style.py). On opening the app in a new tab it can
come a moment after the first captions: the browser fetches the module that draws `st.html` only
when the first one arrives (`open_app` in tests/browser/conftest.py waits for it).
"""

from __future__ import annotations

import streamlit as st

__all__ = ["ACCESSIBILITY", "LINKS", "apply_style"]

# Streamlit draws captions (and the links in them) at 60 % opacity: grey text came out at 4.25:1 on
# the sidebar and links at 2.9:1. Captions are drawn opaque in a grey that passes WCAG AA (6.8:1 on
# the sidebar #f2f5f8, 7.4:1 on white); their links and code keep full colour (link 6.1:1 and up).
# Whatever has the keyboard's focus gets one ring of the primary colour (7:1 on white): Streamlit
# marks some widgets only by a border tint, and a text field inside a picker is too small to ring;
# a heading's anchor link, drawn only on hover, shows when the keyboard reaches it.
ACCESSIBILITY = """
[data-testid="stCaptionContainer"] {opacity: 1 !important; color: #50565c !important;}
[data-testid="stCaptionContainer"] a {color: #0b5cad !important;}
[data-testid="stCaptionContainer"] code {color: inherit !important;}
:focus-visible {outline: 3px solid #0b5cad !important; outline-offset: 2px !important;}
[data-baseweb="select"]:has(input:focus-visible), [data-baseweb="input"]:has(input:focus-visible),
[data-baseweb="textarea"]:has(textarea:focus-visible) {outline: 3px solid #0b5cad !important;
  outline-offset: 2px !important;}
[data-testid="stHeaderActionElements"] a:focus-visible {opacity: 1 !important;}
"""

# Streamlit draws a page link on one line cut with an ellipsis ("Profile, timeline and commitmen…"
# in a card); the label wraps instead, under its icon's column.
LINKS = """
[data-testid="stPageLink"] a {height: auto !important; align-items: flex-start;}
[data-testid="stPageLink"] a * {white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important;}
"""


def apply_style() -> None:
    """Add the app's CSS to the page; call it first in the run, before any other element."""
    st.html(f"<style>{ACCESSIBILITY}{LINKS}</style>")
