"""The suite's one shortcut around AppTest (tests/conftest.py): the installed packages are scanned
for Streamlit components once per session, not once per AppTest. This fails when Streamlit
changes how AppTest scans, so the shortcut is revisited instead of silently doing nothing."""

from streamlit.components.v2 import manifest_scanner

from tests.conftest import SCAN_COMPONENTS
from tests.pages.apptest import open_page


def test_apptest_scans_for_components_through_the_cached_scanner(monkeypatch):
    calls = []

    def counted():
        calls.append(1)
        return SCAN_COMPONENTS()

    scan = manifest_scanner.scan_component_manifests
    assert scan.__wrapped__ is SCAN_COMPONENTS  # the cache of tests/conftest.py is in place
    monkeypatch.setattr(manifest_scanner, "scan_component_manifests", counted)
    open_page("data")
    open_page("data")
    assert len(calls) == 2  # AppTest still scans once per instance: the cache is what saves time
