"""Run the real entry file in AppTest, on a page, as a shared link would open it."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from views.registry import page_file

ENTRY = str(Path(__file__).resolve().parents[2] / "dashboard.py")


def open_page(page: str | None = None, timeout: float = 30, **params: str | list[str]) -> AppTest:
    """AppTest of `dashboard.py` on the page at URL path `page` (None = default) with `params`."""
    at = AppTest.from_file(ENTRY, default_timeout=timeout)
    if page is not None:
        at.switch_page(page_file(page))
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plotly_specs(at: AppTest) -> list[dict]:
    """The Plotly figures on the page, as dicts."""
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def texts(at: AppTest) -> str:
    """All markdown, captions, titles and notices of the page, joined (for 'is it shown' checks)."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error"):
        parts += [str(el.value) for el in at.get(kind)]
    return "\n".join(parts)


def notices(at: AppTest) -> str:
    """The link notices shown under the title, as read on screen (Markdown escapes removed)."""
    return " ".join(str(i.value) for i in at.info).replace("\\", "")


def shown_tables(at: AppTest) -> list:
    """The static tables (`components.layout.fit_table`) as pandas frames of the text a reader
    sees: Markdown escapes removed from headers and cells."""
    frames = []
    for el in at.table:
        frame = el.value.copy()
        frame.columns = [str(c).replace("\\", "") for c in frame.columns]
        frames.append(frame.map(lambda v: v.replace("\\", "") if isinstance(v, str) else v))
    return frames


# Widgets whose label (and options, help) a reader sees.
LABELLED = (
    "selectbox", "multiselect", "radio", "select_slider", "slider", "date_input", "checkbox",
    "toggle", "button", "download_button", "text_input", "text_area", "number_input", "tabs",
    "expander",
)  # fmt: skip
FIGURE_TEXT = ("text", "name", "title", "ticktext", "hovertext", "hovertemplate", "label")


def _figure_strings(node, key: str = "") -> list[str]:
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _figure_strings(v, k)]
    if isinstance(node, list):
        return [s for v in node for s in _figure_strings(v, key)]
    return [node] if isinstance(node, str) and key in FIGURE_TEXT else []


def shown_strings(at: AppTest) -> list[str]:
    """Every text a reader sees on the page: `texts`, widget labels, options and help, page
    links, table and data-frame headers (as their column config names them) and text cells,
    the Plotly figures' titles, axis and legend labels, trace names and hover texts, and the
    pydeck maps' tooltips."""
    out = texts(at).split("\n")
    for kind in LABELLED:
        for el in at.get(kind):
            out += [str(v) for v in (getattr(el, "label", None), getattr(el, "help", None)) if v]
            out += [str(o) for o in getattr(el, "options", None) or []]
    out += [el.proto.label for el in at.get("page_link")]
    for el in [*at.dataframe, *at.table]:
        frame = el.value
        config = json.loads(el.proto.columns or "{}") if hasattr(el.proto, "columns") else {}
        out += [str(config.get(str(c), {}).get("label") or c) for c in frame.columns]
        for c in frame.columns:
            out += [v for v in frame[c] if isinstance(v, str)]
    for spec in plotly_specs(at):
        out += _figure_strings(spec)
    for el in at.get("deck_gl_json_chart"):  # a pydeck map's tooltips
        for layer in json.loads(el.proto.json).get("layers", []):
            rows = layer.get("data") if isinstance(layer.get("data"), list) else []
            out += [row["tip"] for row in rows if isinstance(row, dict) and "tip" in row]
    return [s for s in out if s]
