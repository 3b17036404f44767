"""The one place where library objects are patched, for speed: a finished, shared chart is
serialised once instead of on every rerun.

Streamlit 1.67 offers no supported way to hand over a spec that is already serialised:
- `st.plotly_chart(fig)` deep-copies the figure (`fig.to_dict()`) and encodes the copy on every
  call; given a dict instead, it validates it again (`go.Figure(**spec)`), which is slower still.
- `st.pydeck_chart(deck)` calls `deck.to_json()`, which serialises every layer's data on every
  call; it takes no JSON string.
So a figure or deck that is finished and shared (cached, never changed again) gets an instance
attribute that returns its one serialisation. The bytes sent are the same as without it;
`tests/pages/test_frozen.py` fails when a Streamlit, Plotly or pydeck upgrade breaks that or
bypasses the patch.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import pydeck as pdk

__all__ = ["freeze_figure", "freeze_deck"]


def freeze_figure(fig: go.Figure) -> go.Figure:
    """`fig`, whose `to_dict()` now returns one dict made once, already in JSON types (dates as
    ISO strings, as Plotly's encoder writes them): `st.plotly_chart` only reads it, so encoding
    it no longer copies every trace or calls back into Python for every date. Never change `fig`
    afterwards."""
    if "to_dict" not in vars(fig):
        frozen = json.loads(pio.to_json(fig, validate=False))
        fig.to_dict = lambda: frozen
    return fig


def freeze_deck(deck: pdk.Deck) -> pdk.Deck:
    """`deck`, whose `to_json()` now returns the JSON made once (the deck never changes after
    this). Never change `deck` afterwards."""
    if "to_json" not in vars(deck):
        spec = deck.to_json()
        deck.to_json = lambda: spec
    return deck
