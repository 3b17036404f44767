"""Text length limits: `constraints.maxLength` in the schema, enforced by the one validator."""

from __future__ import annotations

import pytest

from loaders import load_package
from tests.conftest import DATA, set_cell

LIMITED = [
    ("statements", "paraphrase"),
    ("statements", "quote"),
    ("searches", "searched"),
    ("record_entries", "title"),
    ("record_entries", "role"),
    ("record_entries", "summary"),
    ("assessments", "rationale"),
    ("indicator_values", "note"),
    ("people", "name"),
    ("candidacies", "role_at_nomination"),
    ("selection_events", "title"),
]


@pytest.mark.parametrize(("resource", "column"), LIMITED)
def test_curated_text_columns_have_a_length_limit(package, resource, column):
    assert package.descriptor.resource(resource).field(column).max_length


def test_every_current_value_is_within_its_limit():
    # The real package loads (the limits were set above today's longest values).
    assert load_package(DATA).ok


def test_a_three_megabyte_paraphrase_is_refused_with_line_column_and_limit(data_copy, package):
    limit = package.descriptor.resource("statements").field("paraphrase").max_length
    line = set_cell(data_copy, "statements", 2, "paraphrase", "x" * 3_000_000)
    problems = [p for p in load_package(data_copy).problems if p.rule == "max-length"]
    found = [(p.resource, p.line, p.column) for p in problems]
    assert found == [("statements", line, "paraphrase")]
    assert "3,000,000 characters" in problems[0].message
    assert f"at most {limit:,}" in problems[0].message


def test_a_curator_save_over_the_limit_writes_nothing_and_says_why(tmp_path, package):
    from store import Actor, open_store, save_row
    from tests.store.test_store import new_statement

    store = open_store(f"sqlite:///{tmp_path / 'tracker.db'}", DATA)
    limit = package.descriptor.resource("statements").field("paraphrase").max_length
    result = save_row(
        store,
        "statements",
        new_statement(paraphrase="y" * (limit + 1)),
        actor=Actor.of("alice", "curator"),
        reason="too long",
    )
    assert not result.ok
    assert result.field_problems()["paraphrase"] == [
        f"{limit + 1:,} characters; at most {limit:,} are allowed here"
    ]
    assert store.row("statements", ("s9001",)) is None
    exact = save_row(
        store,
        "statements",
        new_statement(paraphrase="y" * limit),
        actor=Actor.of("alice", "curator"),
        reason="at the limit",
    )
    assert exact.ok


def test_an_audit_reason_or_evidence_url_over_the_limit_writes_nothing(tmp_path):
    from store import Actor, open_store, save_row
    from store.writes import AUDIT_TEXT_MAX
    from tests.store.test_store import new_statement

    store = open_store(f"sqlite:///{tmp_path / 'tracker.db'}", DATA)
    result = save_row(
        store,
        "statements",
        new_statement(),
        actor=Actor.of("alice", "curator"),
        reason="r" * (AUDIT_TEXT_MAX + 1),
        evidence_url="https://example.org/" + "e" * AUDIT_TEXT_MAX,
    )
    assert not result.ok
    fields = result.field_problems()
    assert fields["reason"] == [
        f"{AUDIT_TEXT_MAX + 1:,} characters; at most {AUDIT_TEXT_MAX:,} are allowed here"
    ]
    assert "at most" in fields["evidence_url"][0]
    assert store.row("statements", ("s9001",)) is None
