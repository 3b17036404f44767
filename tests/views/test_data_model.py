"""Data & methods view model on a SYNTHETIC package (tests/views/synthetic.py: invented people and
evidence, example.org sources), which has the cells the real data no longer has (not assessed)."""

from pathlib import Path

import polars as pl

from loaders import Package, PackageDescriptor, Resource
from loaders.schema import Field
from tests.views.synthetic import synthetic_tables
from views.coverage import coverage_grid, coverage_totals
from views.package_info import COVERAGE_MARKS, data_model
from views.words import Words

SRC = {"title": "Synthetic source", "path": "https://example.org/synthetic"}
TITLE_ONLY = {"title": "A synthetic report without an address"}


def synthetic_package() -> Package:
    """Every SYNTHETIC table as a resource; `statements` has known gaps and a source without an
    address, the others one linked source and no gaps."""
    tables = synthetic_tables()
    resources = tuple(
        Resource(
            name=name,
            path=f"{name}.csv",
            title=f"Synthetic {name}",
            description=f"What {name} holds (synthetic).",
            fields=tuple(Field(name=c, required=i == 0) for i, c in enumerate(frame.columns)),
            primary_key=(frame.columns[0],),
            foreign_keys=(),
            date_order=(),
            sources=(SRC, TITLE_ONLY) if name == "statements" else (SRC,),
            licenses=({"name": "CC0-1.0", "title": "Synthetic licence"},),
            as_of="2030-06-30",
            gaps="Synthetic gap." if name == "statements" else "",
        )
        for name, frame in tables.items()
    )
    descriptor = PackageDescriptor(
        name="synthetic", title="Synthetic", version="0", as_of="2030-06-30", licenses=(),
        resources=resources,
    )  # fmt: skip
    return Package(data_dir=Path("."), version="syn", descriptor=descriptor, tables=tables)


def test_data_model_lists_every_table_with_its_rows_sources_and_gaps():
    package = synthetic_package()
    words = Words("en")
    model = data_model(package, words)
    n = len(package.descriptor.resources)
    assert model.state == words("data.state", n=n, version="syn", as_of="30 Jun 2030")
    assert model.tables.height == n
    assert model.tables[words("data.col_rows")].to_list() == [
        package[r.name].height for r in package.descriptor.resources
    ]
    entries = {e.name: e for e in model.entries}
    statements = entries["statements"]
    rows = package["statements"].height
    assert statements.label == f"**Synthetic statements** (`statements`, {rows} rows)"
    assert statements.gaps == f"{words('data.gaps')}: Synthetic gap."
    # A source with an address is a link; one without is its title alone.
    linked, title_only = statements.sources.split(":** ")[1].split("; ")
    assert linked == f"[{SRC['title']}]({SRC['path']})"
    assert title_only == TITLE_ONLY["title"]
    assert entries["people"].gaps is None
    fields = entries["people"].fields
    assert fields[words("data.col_field")].to_list() == package["people"].columns
    assert fields.schema[words("data.col_required")] == pl.Boolean


def test_data_model_marks_every_coverage_cell_including_not_assessed():
    package = synthetic_package()
    words = Words("en")
    model = data_model(package, words)
    grid = coverage_grid(package.tables)
    assert model.grid.equals(grid)
    totals = coverage_totals(grid)
    assert totals["not-assessed"] > 0  # the SYNTHETIC package has not-assessed cells
    shown = model.grid_shown
    assert shown.columns == ["Cycle", "Candidate", *[c.upper() for c in grid.columns[3:]]]
    for priority in grid.columns[3:]:
        assert shown[priority.upper()].to_list() == [COVERAGE_MARKS[k] for k in grid[priority]]
    assert "?" in shown["P2"].to_list()
    expected = words("data.coverage_intro", **{k.replace("-", "_"): v for k, v in totals.items()})
    assert model.coverage_intro == expected


def test_data_model_in_spanish_names_the_columns_in_spanish():
    model = data_model(synthetic_package(), Words("es"))
    assert Words("es")("data.col_rows") in model.tables.columns
    assert Words("es")("data.col_rows") != Words("en")("data.col_rows")
