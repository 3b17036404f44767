"""`python -m loaders` only checks packages; the database commands moved to `python -m store`."""

from __future__ import annotations

from loaders.__main__ import main


def test_a_moved_command_names_its_new_home(capsys):
    for command in ("export", "add-user", "hash-password"):
        assert main([command, "x"]) == 2
        assert f"python -m store {command}" in capsys.readouterr().err


def test_check_still_validates_the_shipped_package(capsys):
    assert main(["check"]) == 0
    assert "valid" in capsys.readouterr().out
