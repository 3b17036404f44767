"""The colours and marks charts encode meaning with: the one home of every such colour.

Okabe–Ito colours (safe for the common colour-vision deficiencies); each status and assessment
also has a symbol and a word, so colour is never the only carrier. No Streamlit here: views build
figures with these, and `components.charts` re-exports the styles for the pages.
"""

from __future__ import annotations

from loaders.schema import LEVELS

__all__ = [
    "BLACK",
    "BLUE",
    "BLUISH_GREEN",
    "ORANGE",
    "REDDISH_PURPLE",
    "SKY_BLUE",
    "VERMILLION",
    "YELLOW",
    "SERIES_COLORS",
    "STATUS_STYLE",
    "ASSESSMENT_STYLE",
    "LEVEL_COLORS",
]

BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
# One colour per series (candidacies, priorities), in this order.
SERIES_COLORS = (BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW, BLACK)

STATUS_STYLE = {
    "specific": {"color": BLUE, "symbol": "●●●", "marker": "circle"},
    "clear": {"color": SKY_BLUE, "symbol": "●●○", "marker": "circle"},
    "general": {"color": BLUISH_GREEN, "symbol": "●○○", "marker": "circle"},
    "contradicts": {"color": VERMILLION, "symbol": "✕", "marker": "x"},
    "silent": {"color": "#999999", "symbol": "∅", "marker": "circle-open"},
    "declined": {"color": REDDISH_PURPLE, "symbol": "⊘", "marker": "square-open"},
    "not-assessed": {"color": "#DDDDDD", "symbol": "?", "marker": "circle-open-dot"},
}
ASSESSMENT_STYLE = {
    "advances": {"color": BLUE, "symbol": "▲", "marker": "triangle-up"},
    "mixed": {"color": ORANGE, "symbol": "◆", "marker": "diamond"},
    "falls-short": {"color": VERMILLION, "symbol": "▼", "marker": "triangle-down"},
}
# Commitment level (0..3) → its status colour.
LEVEL_COLORS = {level: STATUS_STYLE[name]["color"] for level, name in enumerate(LEVELS)}
