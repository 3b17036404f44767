"""The two library patches of `components.frozen` still hold: with them, Streamlit sends the same
bytes as without them, and it does not go around them (which would make them slow for nothing).
A failure here after an upgrade of Streamlit, Plotly or pydeck means the patch must be rechecked
or removed."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _figure_script():
    from datetime import date
    from unittest import mock

    import plotly.graph_objects as go
    import streamlit as st
    from plotly.basedatatypes import BaseFigure

    from components.frozen import freeze_figure

    def build():
        fig = go.Figure(
            go.Scatter(x=[date(2016, 1, 1), date(2016, 6, 30)], y=[1, None], name="<b>a</b> é")
        )
        fig.update_layout(title="SYNTHETIC", height=300)
        return fig

    st.plotly_chart(build(), key="plain")
    frozen = freeze_figure(build())
    # The frozen figure must be serialised from its one dict, never copied again.
    with mock.patch.object(BaseFigure, "to_dict", side_effect=AssertionError("copied again")):
        st.plotly_chart(frozen, key="frozen")
        st.plotly_chart(frozen, key="frozen_again")


def _deck_script():
    from unittest import mock

    import pydeck as pdk
    import streamlit as st

    from components.frozen import freeze_deck

    def build():
        layer = pdk.Layer(
            "ScatterplotLayer",
            data=[{"lon": 1.5, "lat": 2.5, "tip": "<b>SYNTHETIC</b> é"}],
            get_position="[lon, lat]",
            id="points",  # pydeck gives each layer a random id otherwise
        )
        return pdk.Deck(layers=[layer], map_style=None, tooltip={"html": "{tip}"})

    st.pydeck_chart(build(), key="plain")
    frozen = freeze_deck(build())
    with mock.patch.object(pdk.Deck, "to_json", side_effect=AssertionError("serialised again")):
        st.pydeck_chart(frozen, key="frozen")
        st.pydeck_chart(frozen, key="frozen_again")


def test_a_frozen_figure_sends_the_same_spec_without_copying_it():
    at = AppTest.from_function(_figure_script, default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    plain, frozen, again = (el.proto.spec for el in at.get("plotly_chart"))
    assert frozen == plain and again == plain
    assert "2016-01-01" in plain  # dates as Plotly's encoder writes them


def test_a_frozen_deck_sends_the_same_json_without_serialising_it_again():
    at = AppTest.from_function(_deck_script, default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    plain, frozen, again = at.get("deck_gl_json_chart")
    assert frozen.proto.json == plain.proto.json == again.proto.json
    assert frozen.proto.tooltip == plain.proto.tooltip
    assert "SYNTHETIC" in plain.proto.json
