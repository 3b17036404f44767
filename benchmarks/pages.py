"""The pages and typical URLs the benchmarks open (pages come from components.registry)."""

from __future__ import annotations

from pathlib import Path

from components import registry

REPO = Path(__file__).resolve().parent.parent
ENTRY = str(REPO / "dashboard.py")

# Typical shared links, one or more per page; pages whose file does not exist are skipped.
URLS = [
    "/",
    "/?cycle=2016",
    "/priorities?priority=p6&cycle=2026",
    "/straw-polls?cycle=2016",
    "/record?person=antonio-guterres&priority=p3",
    "/compare?cycle=2016&candidate=antonio-guterres&candidate=irina-bokova",
    "/candidate?cycle=2026&candidate=michelle-bachelet",
    "/map?indicator=death-penalty-status",
    "/map?indicator=refugees-hosted&year=2020",
    "/data",
    "/curate",
]
SLOW_EXTRAS = ("/", "/map?indicator=refugees-hosted&year=2020", "/curate")  # left out by --quick
QUICK_URLS = [u for u in URLS if u not in SLOW_EXTRAS]

QUICK_URLS_100X = ["/?cycle=2016", "/priorities?priority=p6&cycle=2026", "/data"]


def page_files() -> dict[str, str]:
    """url_path -> page file."""
    return registry.page_files()


def existing(urls: list[str]) -> tuple[list[str], list[str]]:
    """(URLs whose page file exists, notes on the skipped ones)."""
    files = page_files()
    keep, skipped = [], []
    for url in urls:
        path = url.split("?", 1)[0].strip("/")
        if path and (path not in files or not (REPO / files[path]).exists()):
            skipped.append(f"{url}: page not registered or file missing")
        else:
            keep.append(url)
    return keep, skipped
