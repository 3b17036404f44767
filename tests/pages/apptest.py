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
