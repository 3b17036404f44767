"""`python -m store add-user`: the password as typed, refused with surrounding spaces (the
command's `main`, run in this process with the password on stdin)."""

from __future__ import annotations

import io
import tomllib

import bcrypt
import pytest

from store.__main__ import main


def add_user(name: str, password: str, monkeypatch, capsys) -> tuple[int | str, str, str]:
    """(exit status or SystemExit message, stdout, stderr) of `add-user NAME --password-stdin`."""
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    try:
        status: int | str = main(["add-user", name, "--role", "curator", "--password-stdin"])
    except SystemExit as exc:
        status = exc.code
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("password", [" leading space pass", "trailing space pass "])
def test_a_password_with_surrounding_spaces_is_refused(password, monkeypatch, capsys):
    status, out, _ = add_user("alice", password, monkeypatch, capsys)
    assert status != 0 and "space" in str(status)
    assert "password =" not in out


def test_the_block_has_the_normalised_name_and_a_hash_of_the_password_as_typed(
    monkeypatch, capsys
):
    status, out, err = add_user("  Alice ", "correct horse battery", monkeypatch, capsys)
    assert status == 0, err
    entry = tomllib.loads(out)["auth"]["credentials"]["usernames"]
    assert list(entry) == ["alice"]
    assert bcrypt.checkpw(b"correct horse battery", entry["alice"]["password"].encode())
