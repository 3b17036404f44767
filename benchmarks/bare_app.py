"""The bare-framework baseline: the same elements as one of our pages, from precomputed data.

Run by the benchmarks only (AppTest, or `streamlit run benchmarks/bare_app.py` with
`BENCH_FIXTURE=<pickle>`). The fixture maps a page id to the delta messages our real page sent
on its first run (captured by `benchmarks.apptest_bench`); `?bench=<id>` picks the page.

Each rerun re-creates the same blocks (columns, containers, expanders, tabs, sidebar) and the same
elements in the same places: markdown, captions and headings through their public `st.` calls,
every Plotly figure through `st.plotly_chart` (figure built from its JSON once, at fixture load),
every dataframe through `st.dataframe` (same Arrow table), widgets and download buttons (same
bytes) through their `st.` calls, and every other element (metrics, page links, pydeck maps) by
re-sending its exact proto. No data loading, no validation, no polars: what remains is
Streamlit's own cost of sending those elements.
"""

import os

import streamlit as st

from benchmarks.bare_render import fixture, render

st.set_page_config(page_title="bare baseline", layout="wide")
pages = fixture(os.environ["BENCH_FIXTURE"])
page = st.query_params.get("bench") or next(iter(pages))
render(pages.get(page, []))
