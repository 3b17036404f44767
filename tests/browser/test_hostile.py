"""With hostile curated data loaded, no page makes the browser fetch anything from another host.

The real server runs on a SYNTHETIC copy of the package whose every free-text cell and source
address is hostile (tests/hostile.py): images and <img> tags pointing at a little pixel server on
127.0.0.1 that counts its hits, links and bare URLs to other hosts. The `page` fixture already
blocks and fails on any request that leaves 127.0.0.1; the pixel server catches the fetches that
stay on this machine but that only markup made from data could cause.
"""

from __future__ import annotations

import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlencode

import pytest

from components.registry import DEFAULT_URL_PATH
from tests.browser.conftest import new_context, open_app, serve_app
from tests.conftest import DATA
from tests.hostile import page_views, write_hostile_package

# Every registered page at its default view, and the map's country panel and hostile-link notice
# (the AppTest sweep opens more views; a browser run costs ~20 s a page on a 2-core machine).
CASES = [(path, params) for path, params in page_views() if not params or path == "map"]
# Pages that show curated text as text (others show it in tables, charts or not at all).
SHOWS_TEXT = {"overview", "compare", "candidate", "priorities", "record", "map"}


class _Pixel(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def pixel_server():
    """A server on 127.0.0.1 that records every request (the hostile data points at it)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pixel)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def hostile_app_url(browser, pixel_server, tmp_path_factory):
    """The real app on the hostile package (TRACKER_DATA_DIR), one server for this module."""
    data = tmp_path_factory.mktemp("hostile-browser") / "data"
    shutil.copytree(DATA, data)
    host = f"127.0.0.1:{pixel_server.server_address[1]}"
    write_hostile_package(data, pixel_host=host)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TRACKER_DATA_DIR", str(data))
        with serve_app("streamlit-server-hostile.log") as url:
            context = new_context(browser)  # first visit runs st.navigation (see app_url)
            try:
                open_app(context.new_page(), url, "/", timeout=60_000)
            finally:
                context.close()
            yield url, host


@pytest.mark.parametrize(
    ("path", "params"), CASES, ids=[f"{p}-{i}" for i, (p, _) in enumerate(CASES)]
)
def test_no_request_leaves_the_app_with_hostile_data(
    page, hostile_app_url, pixel_server, path, params
):
    url, host = hostile_app_url
    params = {
        k: v.replace("127.0.0.1:9", host) if isinstance(v, str) else v for k, v in params.items()
    }
    query = f"?{urlencode(params, doseq=True)}" if params else ""
    _Pixel.hits.clear()
    open_app(page, url, f"/{'' if path == DEFAULT_URL_PATH else path}{query}")
    if path in SHOWS_TEXT:  # the hostile text is on screen, as text: the page really shows it
        page.wait_for_function("document.body.innerText.includes('![i](http://')")
    time.sleep(0.5)  # images and lazy elements have had time to ask
    assert _Pixel.hits == [], f"the browser fetched {_Pixel.hits} from {host}"
    # Requests to other hosts are blocked and fail the test in the `page` fixture's teardown.
