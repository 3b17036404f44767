"""What every chart shares: the offline Plotly config, status colours and symbols, CSV export."""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from components.cached import cached
from components.frozen import freeze_figure
from components.i18n import t
from views.palette import ASSESSMENT_STYLE, STATUS_STYLE  # re-exported for the pages

__all__ = [
    "PLOTLY_CONFIG",
    "STATUS_STYLE",
    "ASSESSMENT_STYLE",
    "show_chart",
    "csv_download",
    "cached_figure",
]

# Plotly's toolbar camera button exports the chart as an image, in the browser, offline. It offers
# one format: SVG (vector: sharp on slides and in print, editable); the data is in the CSV next to
# it.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "svg", "scale": 1},
    "modeBarButtonsToAdd": ["toImage"],
    "topojsonURL": "/app/static/topojson/",
}


def cached_figure(builder: Callable[..., go.Figure], package, *args, **kwargs) -> go.Figure:
    """A finished Plotly figure, built once per data version, builder, arguments and language.

    `builder(package, *args, **kwargs)` must return the figure exactly as shown (builders return
    finished figures): the cached object is shared by every session and rerun, so never change it
    afterwards (`go.Figure(fig)` makes a copy if a page must). Building and validating a figure is
    most of a chart page's rerun; `st.plotly_chart` only serialises it. Arguments must be plain
    (str, int, None, tuples); the key also holds `package.version` and the current language
    (builders may call `t()` and `format_date`). See `components.cached`; `st.plotly_chart` gets
    it serialised once (`components.frozen.freeze_figure`).
    """
    fig = cached(builder, package, *args, **kwargs)
    return freeze_figure(fig) if isinstance(fig, go.Figure) else fig


def show_chart(fig, *, key: str, alt: str | None = None) -> None:
    """Render a Plotly figure with the shared offline config (`alt`: text for screen readers)."""
    st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG, width="stretch", alt=alt)


def csv_download(frame: pl.DataFrame, name: str, *, key: str, label: str | None = None) -> None:
    """A download button for exactly the rows and columns a chart or table shows.

    The CSV is made only when the button is pressed (a deferred download), not on every rerun.
    """

    def make_csv() -> bytes:
        flat = frame.with_columns(
            pl.col(c).list.join("; ")
            for c, dtype in frame.schema.items()
            if dtype == pl.List(pl.String)
        )
        return flat.write_csv().encode("utf-8")

    st.download_button(
        label or t("common.download_csv"),
        data=make_csv,
        file_name=f"{name}.csv",
        mime="text/csv",
        key=key,
    )
