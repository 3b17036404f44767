"""The app's own CSS, in one place, injected once per run by the entry file.

Sections are owned by topic: `ACCESSIBILITY` (contrast and focus, checked by axe-core in
tests/browser/test_a11y.py). Chart, table and phone layout rules belong in their own section here,
not in pages. Page-only rules (the presentation's full-screen frame) stay with their page.
"""

from __future__ import annotations

import streamlit as st

__all__ = ["ACCESSIBILITY", "apply_style"]

# Streamlit draws captions (and the links in them) at 60 % opacity: grey text came out at 4.25:1 on
# the sidebar and links at 2.9:1. Captions are drawn opaque in a grey that passes WCAG AA (6.8:1 on
# the sidebar #f2f5f8, 7.4:1 on white); their links and code keep full colour (link 6.1:1 and up).
ACCESSIBILITY = """
[data-testid="stCaptionContainer"] {opacity: 1 !important; color: #50565c !important;}
[data-testid="stCaptionContainer"] a {color: #0b5cad !important;}
[data-testid="stCaptionContainer"] code {color: inherit !important;}
"""


def apply_style() -> None:
    """Add the app's CSS to the page (an invisible element)."""
    st.html(f"<style>{ACCESSIBILITY}</style>")
