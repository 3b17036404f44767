"""Every page of the real app in real Chromium: a title, no exception, no internet, no console
error (the last two checked by the `page` fixture); shared links with filters work both ways."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from components.registry import DEFAULT_URL_PATH, url_paths
from tests.browser.conftest import open_app, server_log_tail, wait_for_rerun

pytestmark = pytest.mark.browser

CYCLES = ("2016", "2026")
DEFAULT_CYCLE = "2026"  # the newest cycle is the default and stays out of the URL


def page_url_paths() -> list[str]:
    """The url_path of every registered page."""
    return url_paths()


PAGE_PATHS = page_url_paths()
DEFAULT_PATH = DEFAULT_URL_PATH


def page_url(url_path: str) -> str:
    """Where a page is served: `/` for the default page, `/<url_path>` for the others."""
    return "/" if url_path == DEFAULT_PATH else f"/{url_path}"


def test_pages_list_is_read() -> None:
    assert "overview" in PAGE_PATHS and "data" in PAGE_PATHS
    assert DEFAULT_PATH == "overview"
    assert len(PAGE_PATHS) == len(set(PAGE_PATHS)), "two pages share a url_path"


def main_block(page):
    return page.locator('[data-testid="stMainBlockContainer"]')


def assert_page_ok(page) -> None:
    """A visible page title (h1) that is real text, and no Streamlit exception box."""
    exception = page.locator('[data-testid="stException"]')
    title = main_block(page).locator("h1").first
    main_block(page).locator('h1, [data-testid="stException"]').first.wait_for(state="visible")
    # The page redacts error details (client.showErrorDetails = "none"): show the server log.
    assert exception.count() == 0, (
        f"the page shows an exception: {exception.first.inner_text()[:500]}\n"
        f"end of the server log:\n{server_log_tail()}"
    )
    title.wait_for(state="visible")
    text = title.inner_text().strip()
    assert text, "the page title is empty"
    assert not re.fullmatch(r"[a-z_]+\.[a-z_0-9]+", text), f"title is a catalogue key: {text}"


def assert_navigation_is_pages_list(page) -> None:
    """The sidebar links to exactly the PAGES of dashboard.py (the default page at /).

    Call after `open_app`. A page that hides the sidebar by design (the presentation mode) passes.
    """
    expected = sorted(page_url(p).strip("/") for p in PAGE_PATHS)
    if not page.locator('[data-testid="stSidebarNav"]').is_visible():
        assert urlparse(page.url).path.strip("/") == "present", f"no navigation on {page.url}"
        return
    links = page.locator('[data-testid="stSidebarNav"] a[data-testid="stSidebarNavLink"]')
    more = page.locator('[data-testid="stSidebarNavViewButton"]')
    if more.count() and links.count() < len(expected):  # a long list is folded: "View n more"
        more.first.click()
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    paths = [urlparse(href).path.strip("/") for href in hrefs]
    assert sorted(paths) == expected, (
        f"sidebar navigation links to {paths}, not to the PAGES of dashboard.py {PAGE_PATHS}; "
        "Streamlit may have run the app in its pages/-folder (v1) mode, without dashboard.py"
    )


def cycle_select(page):
    """The cycle select box (Streamlit 1.67 draws st.selectbox as a combobox input)."""
    return page.locator('[data-testid="stSidebar"] .st-key-cycle input[role="combobox"]')


def choose_cycle(page, cycle: str) -> None:
    cycle_select(page).click()
    page.get_by_role("option", name=cycle, exact=True).click()
    wait_for_rerun(page)


@pytest.mark.parametrize("url_path", PAGE_PATHS)
def test_page_renders(page, app_url: str, url_path: str) -> None:
    open_app(page, app_url, page_url(url_path))
    assert_page_ok(page)
    assert_navigation_is_pages_list(page)


def test_first_visit_to_a_deep_link_runs_the_entry_file(fresh_app_url: str, page) -> None:
    """The very first page a new server serves is a shared deep link: it must get the real app
    (dashboard.py's navigation, language selector, footer), not Streamlit's pages/-folder mode.

    `fresh_app_url` comes before `page` so the page closes before its server stops.
    """
    deep = "data" if "data" in PAGE_PATHS else next(p for p in PAGE_PATHS if p != DEFAULT_PATH)
    open_app(page, fresh_app_url, f"/{deep}")
    assert_navigation_is_pages_list(page)
    page.locator('[data-testid="stSidebar"] .st-key-lang').wait_for(state="visible", timeout=5000)
    assert page.locator('[data-testid="stException"]').count() == 0, server_log_tail(
        log_name="streamlit-server-fresh.log"
    )


def test_shared_link_sets_cycle_and_widget_writes_url(page, app_url: str) -> None:
    open_app(page, app_url, "/?cycle=2016")
    assert_page_ok(page)
    assert cycle_select(page).input_value() == "2016"
    assert "2016" in main_block(page).inner_text()

    choose_cycle(page, DEFAULT_CYCLE)
    page.wait_for_url(lambda url: "cycle=2016" not in url)
    assert "cycle=" not in page.url or f"cycle={DEFAULT_CYCLE}" in page.url, page.url
    assert cycle_select(page).input_value() == DEFAULT_CYCLE

    choose_cycle(page, "2016")
    page.wait_for_url(re.compile(r"[?&]cycle=2016(&|$)"))
    assert cycle_select(page).input_value() == "2016"
    assert_page_ok(page)


def test_malformed_link_shows_default_view_with_notice(page, app_url: str) -> None:
    open_app(page, app_url, "/?cycle=1800&foo=%3Cscript%3E")
    assert_page_ok(page)
    page.locator('[data-testid="stAlertContentInfo"]').first.wait_for(state="visible")
    assert cycle_select(page).input_value() == DEFAULT_CYCLE
    # The bad value and the unknown parameter are dropped from the address bar.
    page.wait_for_url(lambda url: "cycle=1800" not in url and "foo=" not in url)
