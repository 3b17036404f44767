"""`python -m store export DIR`: atomic, and a truncated or changed export fails the check."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from loaders import load_package
from loaders.__main__ import main as loaders_main
from store import Actor, export_package, open_store, save_row
from store.export import PAUSE_ENV, ExportError
from tests.conftest import DATA, REPO
from tests.store.test_store import new_statement


@pytest.fixture
def db(tmp_path, monkeypatch, filled_db_at):
    url = filled_db_at(tmp_path / "tracker.db")
    monkeypatch.setenv("TRACKER_DB_URL", url)
    return url


def cli_export(out, env_extra=None, **popen):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "store", "export", str(out)],
        cwd=REPO,
        env={**env, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def contents(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def truncate_at_a_row_boundary(path):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")


def test_an_export_records_hash_and_rows_and_passes_its_check(db, tmp_path):
    out = tmp_path / "export"
    export_package(open_store(db, DATA), out)
    raw = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    statements = next(r for r in raw["resources"] if r["name"] == "statements")
    assert statements["hash"].startswith("sha256:") and len(statements["hash"]) == 71
    assert statements["x-rows"] == load_package(DATA)["statements"].height
    assert list(statements)[:4] == ["name", "path", "hash", "x-rows"]
    assert loaders_main(["check", str(out)]) == 0


def test_an_unedited_export_differs_from_the_package_only_by_the_recorded_stats(db, tmp_path):
    out = tmp_path / "export"
    export_package(open_store(db, DATA), out)
    for path in DATA.rglob("*"):
        if path.is_file() and path.name != "datapackage.json":
            assert (out / path.relative_to(DATA)).read_bytes() == path.read_bytes(), path
    exported = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for resource in exported["resources"]:
        del resource["hash"], resource["x-rows"]
    as_written = json.dumps(exported, indent=2, ensure_ascii=False) + "\n"
    assert as_written == (DATA / "datapackage.json").read_text(encoding="utf-8")


def test_a_csv_truncated_at_a_row_boundary_fails_the_check(db, tmp_path):
    out = tmp_path / "export"
    export_package(open_store(db, DATA), out)
    truncate_at_a_row_boundary(out / "statements.csv")
    problems = load_package(out).problems
    found = {(p.resource, p.rule) for p in problems}
    assert found == {("statements", "hash"), ("statements", "rows")}
    assert loaders_main(["check", str(out)]) == 1


def test_the_package_in_data_carries_no_stats_and_is_checked_without_them(package):
    assert all(r.hash is None and r.rows is None for r in package.descriptor.resources)


def test_an_export_that_fails_midway_leaves_the_earlier_export_untouched(db, tmp_path, monkeypatch):
    store = open_store(db, DATA)
    out = tmp_path / "export"
    export_package(store, out)
    before = contents(out)
    save_row(store, "statements", new_statement(), actor=Actor.of("a", "curator"), reason="x")

    def broken_rows(conn, name, **_):
        raise OSError("disk full")

    monkeypatch.setattr(store, "rows", broken_rows)
    with pytest.raises(OSError):
        export_package(store, out)
    assert contents(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export", "tracker.db"]  # no leftovers


@pytest.mark.slow  # two processes of its own
def test_an_export_killed_before_it_is_in_place_leaves_dir_as_it_was(db, tmp_path):
    store = open_store(db, DATA)
    out = tmp_path / "export"
    export_package(store, out)
    before = contents(out)
    save_row(store, "statements", new_statement(), actor=Actor.of("a", "curator"), reason="x")
    child = cli_export(out, {PAUSE_ENV: "30"})
    try:
        line = child.stdout.readline()
        assert "pausing before rename" in line, line + child.stderr.read()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert contents(out) == before
    assert loaders_main(["check", str(out)]) == 0
    # and a complete export afterwards replaces it with the edit
    finished = cli_export(out)
    stdout, stderr = finished.communicate(timeout=120)
    assert finished.returncode == 0, stdout + stderr
    assert "s9001" in load_package(out)["statements"]["statement_id"].to_list()


def test_an_export_refuses_to_replace_a_folder_that_is_not_a_package(db, tmp_path):
    out = tmp_path / "notes"
    out.mkdir()
    (out / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ExportError):
        export_package(open_store(db, DATA), out)
    assert (out / "mine.txt").read_text(encoding="utf-8") == "keep me"
