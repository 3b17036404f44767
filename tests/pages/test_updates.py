"""/updates: the race's dated events and the curators' changes since a day, each with a working
link to its view; corrections said as corrections; a bad day falls back with a notice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs

import polars as pl
import pytest

from components.registry import url_paths
from components.url_state import NOTICE_ICON
from store import Actor, mark_checked, open_store, save_row, save_rows, set_retired
from tests.pages.apptest import notices, open_page, texts

DATA = Path(__file__).resolve().parents[2] / "data"
ALICE = Actor.of("alice", "curator")


@pytest.fixture
def db(tmp_path, monkeypatch, filled_db_at):
    import streamlit as st

    url = filled_db_at(tmp_path / "tracker.db")
    monkeypatch.setenv("TRACKER_DB_URL", url)
    st.cache_resource.clear()  # data versions repeat from one test's database to the next
    return url


def listed_links(at) -> list[tuple[str, dict]]:
    """(page, params) of every 'Open the view' link on the page."""
    out = []
    for link in at.get("page_link"):
        if link.proto.label == "Open the view":
            params = {k: v[0] for k, v in parse_qs(link.proto.query_string).items()}
            out.append((link.proto.page, params))
    return out


def make_changes(url: str) -> dict:
    """A poll (SYNTHETIC counts), a correction, a retirement and a checked mark, as curators do."""
    from loaders import load_package
    from views.curate import in_race

    store = open_store(url)
    files = load_package(DATA)
    people = in_race(files["candidacies"], 2026, dt.date.today())["person_id"]
    polls_2026 = files["straw_polls"].filter(pl.col("cycle") == 2026)["poll_number"]
    number = str(max(polls_2026.to_list(), default=0) + 1)
    poll = [
        {"cycle": "2026", "poll_number": number, "date": dt.date.today().isoformat(),
         "person_id": p, "encourage": "8", "discourage": "4", "no_opinion": "3",
         "source_url": "https://example.org/synthetic-poll"}
        for p in people
    ]  # fmt: skip
    assert save_rows(store, "straw_polls", poll, actor=ALICE, reason="first poll").ok
    statements = pl.read_csv(DATA / "statements.csv", infer_schema=False)
    first, second = statements["statement_id"][0], statements["statement_id"][1]
    row = store.row("statements", (first,))
    level = "3" if row["commitment_level"] != "3" else "2"
    assert save_row(
        store,
        "statements",
        {**row, "commitment_level": level},
        actor=ALICE,
        reason="the source's full text is firmer",
        evidence_url="https://example.org/full-text",
        expected_version=row["row_version"],
    ).ok
    other = store.row("statements", (second,))
    assert set_retired(
        store,
        "statements",
        second,
        retire=True,
        actor=ALICE,
        reason="duplicate of another statement",
        expected_version=other["row_version"],
    ).ok
    assert mark_checked(store, "selection_events", dt.date.today(), actor=ALICE, reason="read").ok
    return {
        "poll": number,
        "corrected": first,
        "old": row["commitment_level"],
        "new": level,
        "retired": second,
    }


def test_updates_list_the_curators_changes_with_working_links(db):
    done = make_changes(db)
    today = dt.date.today().isoformat()
    at = open_page("updates", since=today)
    shown = texts(at)
    assert f"Security Council straw poll {done['poll']}" in shown
    assert f"Correction to statements `{done['corrected']}`" in shown.replace("\\", "")
    assert f"commitment_level {done['old']} → {done['new']}" in shown.replace("\\", "")
    assert "Why: the source's full text is firmer" in shown.replace("\\", "")
    assert f"Removed from the public pages: statements `{done['retired']}`" in shown.replace(
        "\\", ""
    )
    assert "selection_events** checked up to" in shown.replace("\\", "")
    assert "https://example.org/full-text" in shown  # the correction's evidence is its source
    links = listed_links(at)
    assert len(links) >= 4
    assert ("straw-polls", {"cycle": "2026"}) in links
    for page, params in links:
        assert page in url_paths(), page
        opened = open_page(None if page == "overview" else page, **params)
        assert not [i.value for i in opened.info if i.icon == NOTICE_ICON], (page, params)


def test_the_newest_update_comes_first_and_the_data_dates_are_listed(db, package):
    at = open_page("updates", since="2026-03-01")
    lines = [m.value for m in at.markdown if m.value.startswith("**") and " · " in m.value]
    days = [line.split("**")[1] for line in lines]
    assert days and days[0].endswith("2026")
    shown = "\n".join(lines)
    # The package records each nominating state, so the nomination is told by state.
    (iso3,) = package["nominations"].filter(
        (pl.col("person_id") == "rebeca-grynspan") & (pl.col("action") == "nominated")
    )["state_iso3"]
    state = package["countries"].filter(pl.col("iso3") == iso3)["name"][0]
    assert f"{state} nominated **Rebeca Grynspan**." in shown
    assert "[Source](https://" in shown
    assert all("2025" not in day for day in days)


def test_a_malformed_since_gives_the_default_view_and_a_notice(db):
    at = open_page("updates", since="last-week")
    default = dt.date.today() - dt.timedelta(days=30)
    assert at.date_input(key="since").value == default
    assert "since = “last-week”" in notices(at)
    assert "since" not in at.query_params


def test_the_overview_links_to_the_updates_with_their_count(db):
    make_changes(db)
    at = open_page(None)
    (link,) = [p.proto for p in at.get("page_link") if p.proto.page == "updates"]
    count = int(link.label.split(" ")[0])
    assert count >= 4 and f"{count} updates since" in link.label
    listed = open_page("updates")
    assert len(listed_links(listed)) == count
