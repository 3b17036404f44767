"""Fixture loading and replay for the bare-framework baseline (`benchmarks/bare_app.py`).

Kept in an imported module (as our app keeps its code in components/ and views/), so the script
the server re-executes on every rerun is a few lines.
"""

from __future__ import annotations

import functools
import json
import pickle

import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.Heading_pb2 import Heading
from streamlit.proto.Markdown_pb2 import Markdown


@functools.lru_cache(maxsize=2)
def fixture(path: str) -> dict[str, list[tuple]]:
    with open(path, "rb") as fh:
        raw: dict[str, dict] = pickle.load(fh)
    pages = {}
    for page_id, captured in raw.items():
        steps = []
        files = captured["files"]
        for blob in captured["messages"]:
            msg = ForwardMsg.FromString(blob)
            if not msg.HasField("delta"):
                continue
            path = tuple(msg.metadata.delta_path)
            kind = msg.delta.WhichOneof("type")
            if kind == "add_block":
                steps.append((path, "block", msg.delta.add_block))
            elif kind == "new_element":
                elt = msg.delta.new_element
                ty = elt.WhichOneof("type")
                if ty == "plotly_chart":
                    spec = json.loads(elt.plotly_chart.spec)
                    config = json.loads(elt.plotly_chart.config or "{}")
                    fig = go.Figure(spec)  # built once; each rerun pays only what st pays
                    steps.append((path, "plotly", (fig, config)))
                elif ty == "dataframe" and not elt.dataframe.arrow_data.HasField("styler"):
                    data = elt.dataframe.arrow_data.data
                    table = pa.ipc.open_stream(data).read_all()
                    steps.append((path, "dataframe", table))
                elif ty == "markdown":
                    steps.append((path, "markdown", elt.markdown))
                elif ty == "heading":
                    steps.append((path, "heading", elt.heading))
                elif ty == "download_button":
                    proto = elt.download_button
                    steps.append((path, "download", (proto, files.get(proto.url, b""))))
                elif ty in WIDGETS:
                    steps.append((path, ty, getattr(elt, ty)))
                else:
                    steps.append((path, "raw", (ty, getattr(elt, ty))))
        pages[page_id] = steps
    return pages


# Widgets must be real widgets (their state is registered): re-created by their st. call.
WIDGETS = {"selectbox", "multiselect", "button", "radio", "checkbox", "text_input", "button_group"}


def _widget(parent, kind: str, proto, n: int) -> None:
    key = f"bench_w{n}"
    if kind == "selectbox":
        options = list(proto.options)
        index = proto.default if proto.HasField("default") else 0
        parent.selectbox(proto.label, options, index=min(index, max(len(options) - 1, 0)), key=key)
    elif kind == "multiselect":
        options = list(proto.options)
        default = [options[i] for i in proto.default if i < len(options)]
        parent.multiselect(proto.label, options, default=default, key=key)
    elif kind == "button":
        parent.button(proto.label, key=key)
    elif kind == "radio":
        options = list(proto.options)
        parent.radio(proto.label, options, key=key)
    elif kind == "checkbox":
        parent.checkbox(proto.label, value=proto.default, key=key)
    elif kind == "text_input":
        parent.text_input(proto.label, key=key)
    else:  # button_group (pills / segmented control / feedback)
        options = [o.content for o in proto.options]
        parent.pills("options", options, key=key)


def render(steps: list[tuple]) -> None:
    dgs = {(0,): st._main, (1,): st.sidebar}
    for n, (path, kind, payload) in enumerate(steps):
        parent = dgs.get(path[:-1]) or dgs.get(path[:1]) or st._main
        if kind == "block":
            dgs[path] = parent._block(payload)
        elif kind == "plotly":
            fig, config = payload
            parent.plotly_chart(fig, config=config, key=f"bench_plotly_{n}", width="stretch")
        elif kind == "dataframe":
            parent.dataframe(payload, key=f"bench_df_{n}")
        elif kind == "markdown":
            md: Markdown = payload
            if md.element_type == Markdown.Type.CAPTION:
                parent.caption(md.body, unsafe_allow_html=md.allow_html)
            elif md.element_type == Markdown.Type.DIVIDER:
                parent.divider()
            else:
                parent.markdown(md.body, unsafe_allow_html=md.allow_html)
        elif kind == "heading":
            head: Heading = payload
            call = {"h1": parent.title, "h2": parent.header, "h3": parent.subheader}.get(head.tag)
            if call is not None:
                call(head.body, anchor=head.anchor or None)
            else:
                parent._enqueue("heading", head)
        elif kind == "download":
            proto, data = payload
            parent.download_button(proto.label, data=data, file_name="data.csv", key=f"bench_d{n}")
        elif kind in WIDGETS:
            _widget(parent, kind, payload, n)
        else:
            ty, proto = payload
            widget = "form_id" in proto.DESCRIPTOR.fields_by_name
            if widget and not (ty == "deck_gl_json_chart" and not proto.selection_mode):
                # another widget kind: a stand-in (a pydeck map has form_id for selections, but
                # one without selections is a plain element and is re-sent as it is)
                parent.markdown(f"(widget {ty})")
            else:
                parent._enqueue(ty, proto)
