"""Data & methods page: every table listed with provenance and a download."""

from tests.pages.apptest import open_page, shown_tables, texts
from views.coverage import coverage_grid


def test_lists_every_table_with_a_download(package):
    at = open_page("data")
    body = texts(at)
    assert "Missing is not zero" in body
    names = {r.name for r in package.descriptor.resources}
    keys = {b.key for b in at.get("download_button")}
    assert {f"download_{n}" for n in names} | {"download_zip"} <= keys
    labels = " ".join(e.label for e in at.expander)
    for res in package.descriptor.resources:
        assert f"{res.title}** (`{res.name}`, {package[res.name].height} rows)" in labels


def test_coverage_grid_is_one_compact_row_per_candidacy_with_a_legend(package):
    at = open_page("data")
    (grid,) = [f for f in shown_tables(at) if "P1" in f.columns]
    assert list(grid.columns) == ["Cycle", "Candidate", *[f"P{i}" for i in range(1, 9)]]
    assert len(grid) == package["candidacies"].height
    expected = coverage_grid(package.tables)
    marks = {"evidence": "●", "searched": "∅", "not-assessed": "?"}
    assert grid["P3"].tolist() == [marks[k] for k in expected["p3"]]
    assert "● evidence · ∅ searched, nothing found · ? not assessed" in texts(at)
