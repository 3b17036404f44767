"""How statuses and assessments look: colour, symbol and marker, one home for views and components.

Okabe-Ito based, safe for the common colour-vision deficiencies; every status also has a symbol
and a word, so colour is never the only carrier. No Streamlit here (views build figures with it).
"""

from __future__ import annotations

__all__ = ["STATUS_STYLE", "ASSESSMENT_STYLE"]

STATUS_STYLE = {
    "specific": {"color": "#0072B2", "symbol": "●●●", "marker": "circle"},
    "clear": {"color": "#56B4E9", "symbol": "●●○", "marker": "circle"},
    "general": {"color": "#009E73", "symbol": "●○○", "marker": "circle"},
    "contradicts": {"color": "#D55E00", "symbol": "✕", "marker": "x"},
    "silent": {"color": "#999999", "symbol": "∅", "marker": "circle-open"},
    "declined": {"color": "#CC79A7", "symbol": "⊘", "marker": "square-open"},
    "not-assessed": {"color": "#DDDDDD", "symbol": "?", "marker": "circle-open-dot"},
}
ASSESSMENT_STYLE = {
    "advances": {"color": "#0072B2", "symbol": "▲", "marker": "triangle-up"},
    "mixed": {"color": "#E69F00", "symbol": "◆", "marker": "diamond"},
    "falls-short": {"color": "#D55E00", "symbol": "▼", "marker": "triangle-down"},
}
