"""Data & methods: the methodology in plain words, every table with its provenance, downloads."""

import streamlit as st

from components.cached import arrow_table, cached
from components.charts import csv_download
from components.data import get_package, published_reader
from components.i18n import t, words
from components.layout import data_table, fit_table, page_header
from views import package_info


def build_model(package) -> package_info.DataModel:
    """The page's view model, built once per data version and language."""
    return package_info.data_model(package, words())


def shown_tables(package) -> tuple:
    """The tables list and each table's fields as Arrow, made once (st.dataframe sends them as
    they are)."""
    model = cached(build_model, package)
    return arrow_table(model.tables), {e.name: arrow_table(e.fields) for e in model.entries}


package = get_package()
read = published_reader()  # downloads are what the pages show (the curators' database)
model = cached(build_model, package)
tables, fields = cached(shown_tables, package)
page_header(t("data.title"), model.state)

st.download_button(
    t("data.download_zip"),
    data=lambda: package_info.package_zip(package, read),
    file_name=f"{package.descriptor.name}-{package.version}.zip",
    mime="application/zip",
    key="download_zip",
)

st.header(t("data.coverage"))
st.markdown(model.coverage_intro)
st.caption(model.coverage_legend)
fit_table(model.grid_shown, key="coverage_grid")
csv_download(model.grid, "coverage", key="download_coverage_grid")

st.header(t("data.methods"))
st.markdown(t("methodology.body"))

st.header(t("data.tables"))
data_table(tables)
for entry in model.entries:
    with st.expander(entry.label):
        st.markdown(entry.description)
        st.markdown(entry.as_of)
        st.markdown(entry.licence)
        st.markdown(entry.sources)
        if entry.gaps:
            st.warning(entry.gaps)
        st.markdown(entry.primary_key)
        data_table(fields[entry.name])
        st.download_button(
            t("data.download_csv", name=entry.name),
            data=lambda name=entry.name: package_info.resource_csv(package, name, read),
            file_name=f"{entry.name}.csv",
            mime="text/csv",
            key=f"download_{entry.name}",
        )
