"""Every chart on the typical views comes with a CSV download of its data (issue 6)."""

import pytest

from tests.pages.apptest import open_page

VIEWS = [
    ("compare", {"cycle": "2016", "candidate": ["antonio-guterres", "irina-bokova"]}),
    ("candidate", {"cycle": "2016", "candidate": "antonio-guterres"}),
    ("priorities", {"priority": "p6", "cycle": "2026"}),
    ("straw-polls", {"cycle": "2016"}),
    ("record", {"person": "antonio-guterres"}),
    ("map", {"indicator": "death-penalty-status", "cycle": "2026"}),
]


@pytest.mark.parametrize(("page", "params"), VIEWS, ids=[v[0] for v in VIEWS])
def test_each_chart_has_a_csv_download(page, params):
    at = open_page(page, **params)
    charts = len(at.get("plotly_chart")) + len(at.get("deck_gl_json_chart"))
    csv_buttons = [b for b in at.get("download_button") if "csv" in str(b.proto.label).lower()]
    assert charts >= 1
    assert len(csv_buttons) >= charts, f"{charts} charts but {len(csv_buttons)} CSV downloads"
