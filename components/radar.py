"""The commitment radar in the session's language; the radar itself is `views.radar` (no Streamlit).

`radar_text()` and `statement_line(row, text)` bind `views.radar`'s functions to the session's
words for pages that do not have a view model yet (compare); the figure is re-exported for them.
"""

from __future__ import annotations

from components.i18n import words
from views import radar as view
from views.radar import RING_OFFSET, radar_figure

__all__ = ["RING_OFFSET", "radar_figure", "radar_text", "statement_line"]


def radar_text() -> view.RadarText:
    """The radar's words in the session's language."""
    return view.radar_text(words())


def statement_line(row: dict, text: view.RadarText, *, with_priority: bool = True) -> str:
    """`views.radar.statement_line` in the session's language."""
    return view.statement_line(row, text, words(), with_priority=with_priority)
