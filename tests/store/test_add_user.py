"""`python -m store add-user`: the password as typed, refused with surrounding spaces."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import bcrypt

from tests.conftest import REPO


def add_user(name: str, password: str):
    return subprocess.run(
        [sys.executable, "-m", "store", "add-user", name, "--role", "curator"]
        + ["--password-stdin"],
        cwd=REPO,
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_password_with_surrounding_spaces_is_refused():
    for password in (" leading space pass", "trailing space pass "):
        result = add_user("alice", password)
        assert result.returncode != 0 and "space" in result.stderr
        assert "password =" not in result.stdout


def test_the_block_has_the_normalised_name_and_a_hash_of_the_password_as_typed():
    result = add_user("  Alice ", "correct horse battery")
    assert result.returncode == 0, result.stderr
    entry = tomllib.loads(result.stdout)["auth"]["credentials"]["usernames"]
    assert list(entry) == ["alice"]
    assert bcrypt.checkpw(b"correct horse battery", entry["alice"]["password"].encode())
