"""Data & methods page: every table listed with provenance and a download."""

from tests.pages.apptest import open_page, texts


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
