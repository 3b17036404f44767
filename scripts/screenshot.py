"""Screenshot one view of the real app in Debian's Chromium (for the README).

    .venv/bin/python scripts/screenshot.py / docs/screenshot-overview.png
    .venv/bin/python scripts/screenshot.py "/?cycle=2016" out.png --base-url http://127.0.0.1:8501

Without --base-url it starts `streamlit run dashboard.py` on a free local port and stops it after.
The browser is offline by construction (requests to other hosts are blocked and listed on stderr).
Icons are Material Symbols from the font Streamlit ships: no emoji font is needed.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [  # as in STACK.md and tests/browser/conftest.py
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Rendered: the script has finished, a title (or error) is drawn, nothing is loading, and the app's
# own style is there (in a new tab it can come after the first captions: components/style.py).
RENDERED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
    && document.querySelector('[data-testid="stMain"] h1, [data-testid="stException"]')
    && !document.querySelector('[data-testid="stSkeletonElement"]')
    && [...document.querySelectorAll('style')]
         .some(s => s.textContent.includes('stCaptionContainer'));
}"""


def start_server() -> tuple[subprocess.Popen, str]:
    """Start the app on a free port; return the process and its base URL once it is healthy."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return server, url
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"streamlit did not come up on {url}")


def screenshot(base_url: str, path_and_query: str, output: Path, width: int, height: int) -> None:
    """Open the view, wait until Streamlit has rendered it and charts have settled, save a PNG."""
    from playwright.sync_api import sync_playwright  # a test extra: --help works without it

    external: list[str] = []

    def route(route) -> None:
        if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.route("**/*", route)
        page.goto(base_url + path_and_query)
        page.wait_for_function(RENDERED, timeout=60_000, polling=100)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1500)  # plotly / deck.gl draw after the script has finished
        output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(output), full_page=True)
        browser.close()
    for url in external:
        print(f"blocked external request: {url}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help='URL path and query, e.g. "/" or "/data?lang=fr"')
    parser.add_argument("output", type=Path, help="PNG file to write")
    parser.add_argument("--base-url", help="a running app (default: start one)")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()
    path = args.path if args.path.startswith("/") else "/" + args.path
    server = None
    base_url = args.base_url
    if base_url is None:
        server, base_url = start_server()
    try:
        screenshot(base_url.rstrip("/"), path, args.output, args.width, args.height)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
