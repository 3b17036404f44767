"""Data & methods: the methodology in plain words, every table with its provenance, downloads."""

import polars as pl
import streamlit as st

from components.cached import arrow_table, cached
from components.charts import csv_download
from components.data import get_package, published_reader
from components.i18n import t
from components.layout import fit_table, page_header
from views import coverage, package_info

COVERAGE_MARKS = {"evidence": "●", "searched": "∅", "not-assessed": "?"}
FIELD_SCHEMA = {
    "field": pl.String,
    "type": pl.String,
    "required": pl.Boolean,
    "allowed": pl.String,
    "description": pl.String,
}


def data_model(package) -> dict:
    """Catalogue, coverage grid and tables, derived once per data version and language."""
    catalog = package_info.table_catalog(package)
    grid = coverage.coverage_grid(package.tables)
    marks = {kind: COVERAGE_MARKS[kind] for kind in COVERAGE_MARKS}
    return {
        "catalog": catalog,
        "grid": grid,
        "totals": coverage.coverage_totals(grid),
        # One mark per cell (the legend says what each means): ten columns fit a phone.
        "grid_shown": grid.with_columns(pl.col(r"^p\d$").replace_strict(marks))
        .drop("person_id")
        .rename(lambda c: c.upper() if c.startswith("p") else t(f"data.col_grid_{c}")),
        "tables": arrow_table(
            pl.DataFrame(
                [
                    {
                        t("data.col_table"): item["name"],
                        t("data.col_title"): item["title"],
                        t("data.col_rows"): item["rows"],
                        t("data.col_as_of"): item["as_of"],
                        t("data.col_licence"): "; ".join(item["licenses"]),
                    }
                    for item in catalog
                ]
            )
        ),
        # Typed frames, not lists of dicts: st.dataframe sends those without a pandas round trip.
        "fields": {
            item["name"]: arrow_table(
                pl.DataFrame(item["fields"], schema=FIELD_SCHEMA, orient="row")
            )
            for item in catalog
        },
    }


package = get_package()
read = published_reader()  # downloads are what the pages show (the curators' database)
model = cached(data_model, package)
catalog = model["catalog"]

page_header(
    t("data.title"),
    t("data.state", n=len(catalog), version=package.version, as_of=package.descriptor.as_of),
)

st.download_button(
    t("data.download_zip"),
    data=lambda: package_info.package_zip(package, read),
    file_name=f"{package.descriptor.name}-{package.version}.zip",
    mime="application/zip",
    key="download_zip",
)

st.header(t("data.coverage"))
grid, totals = model["grid"], model["totals"]
st.markdown(t("data.coverage_intro", **{k.replace("-", "_"): v for k, v in totals.items()}))
st.caption(
    " · ".join(f"{mark} {t(f'data.coverage_{kind}')}" for kind, mark in COVERAGE_MARKS.items())
)
fit_table(model["grid_shown"], key="coverage_grid")
csv_download(grid, "coverage", key="download_coverage_grid")

st.header(t("data.methods"))
st.markdown(t("methodology.body"))

st.header(t("data.tables"))
st.dataframe(model["tables"], hide_index=True, width="stretch")
for item in catalog:
    with st.expander(f"**{item['title']}** (`{item['name']}`, {item['rows']} {t('data.rows')})"):
        st.markdown(item["description"])
        st.markdown(f"**{t('data.col_as_of')}:** {item['as_of'] or '—'}")
        st.markdown(f"**{t('data.col_licence')}:** {'; '.join(item['licenses']) or '—'}")
        st.markdown(
            f"**{t('data.sources')}:** "
            + "; ".join(
                f"[{s.get('title') or s['path']}]({s['path']})" if s.get("path") else s["title"]
                for s in item["sources"]
            )
        )
        if item["gaps"]:
            st.warning(f"{t('data.gaps')}: {item['gaps']}")
        st.markdown(f"**{t('data.primary_key')}:** `{item['primary_key']}`")
        st.dataframe(model["fields"][item["name"]], hide_index=True, width="stretch")
        st.download_button(
            t("data.download_csv", name=item["name"]),
            data=lambda name=item["name"]: package_info.resource_csv(package, name, read),
            file_name=f"{item['name']}.csv",
            mime="text/csv",
            key=f"download_{item['name']}",
        )
