"""The app's own CSS, in one place, injected once per run by the entry file.

Sections are owned by topic: `ACCESSIBILITY` (contrast and focus, checked by axe-core in
tests/browser/test_a11y.py). Chart, table and phone layout rules belong in their own section here,
not in pages. Page-only rules (the presentation's full-screen frame) stay with their page.
"""

from __future__ import annotations

import streamlit as st

__all__ = ["ACCESSIBILITY", "apply_style"]

# Streamlit draws captions, and the links in them, at 60 % opacity of the text and link colours:
# links came out at 2.9:1. A caption's links keep the full link colour (6.7:1 on white, WCAG AA).
ACCESSIBILITY = """
[data-testid="stCaptionContainer"] a {color: #0b5cad !important; opacity: 1 !important;}
[data-testid="stCaptionContainer"] code {color: #0b0e11 !important;}
"""


def apply_style() -> None:
    """Add the app's CSS to the page (an invisible element)."""
    st.html(f"<style>{ACCESSIBILITY}</style>")
