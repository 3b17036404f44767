"""Interface icons are Material Symbols drawn from the font Streamlit ships, not emoji (which show
as empty boxes on a machine without an emoji font), and drawing them asks nothing of the internet
(the `page` fixture blocks and records any request to another host and fails the test). The
browser tab's icon is the app's own image, inline in the page."""

from __future__ import annotations

import base64

import pytest

from components.registry import PAGES
from tests.browser.conftest import REPO, open_app

pytestmark = pytest.mark.browser

ICON_FONT = "Material Symbols Rounded"


def test_navigation_and_copy_link_icons_come_from_the_bundled_font(page, app_url: str) -> None:
    fonts: list[str] = []
    page.on("request", lambda r: fonts.append(r.url) if ".woff2" in r.url else None)
    open_app(page, app_url, "/")
    nav = page.locator('[data-testid="stSidebarNav"] a')
    nav.first.wait_for()
    assert nav.count() == len(PAGES)
    # Each navigation entry draws its icon as a ligature of the icon font (its text is the name).
    icons = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stSidebarNav"] a')].map(a => {
             const i = a.querySelector('[data-testid="stIconMaterial"]');
             return i ? [i.innerText.trim(), getComputedStyle(i).fontFamily] : null; })"""
    )
    expected = [p.icon.removeprefix(":material/").removesuffix(":") for p in PAGES]
    assert [i[0] if i else None for i in icons] == expected
    assert all(ICON_FONT in i[1] for i in icons)
    page.wait_for_function(f"() => document.fonts.check('24px \"{ICON_FONT}\"', 'home')")
    assert any("MaterialSymbols" in url for url in fonts), fonts  # served by the app itself
    assert all(url.startswith(app_url) for url in fonts), fonts
    share = page.locator('[data-testid="stPopover"] button').first
    assert share.locator('[data-testid="stIconMaterial"]').first.inner_text() == "link"
    assert "Copy link" in share.inner_text()  # the icon ligature itself is aria-hidden


def test_language_picker_is_labelled_in_words(page, app_url: str) -> None:
    open_app(page, app_url, "/?lang=fr")
    label = page.locator('.st-key-lang [data-testid="stWidgetLabel"]')
    assert label.inner_text().strip() == "Language · Langue · Idioma"


# Streamlit's page ships its own favicon (`./favicon.png`) until the app's page config replaces it.
TAB_ICON = """() => { const link = document.querySelector("link[rel='shortcut icon']");
  return link && !link.href.endsWith('/favicon.png') ? link.href : null; }"""


def test_the_tab_icon_is_the_apps_own_image_inline(page, app_url: str) -> None:
    """The icon comes with the page (nothing to fetch) and is static/favicon.png, not an emoji."""
    open_app(page, app_url, "/compare")
    href = page.wait_for_function(TAB_ICON).json_value()
    head, _, data = href.partition(",")
    assert head == "data:image/png;base64", href[:80]
    assert base64.b64decode(data) == (REPO / "static" / "favicon.png").read_bytes()
