"""Command line for the curators' database and accounts (store sits above loaders, so these live
here, not in `python -m loaders`).

- `python -m store export DIR` writes the curators' database (`$TRACKER_DB_URL`) as a package:
  its editable tables plus the package's other files, into a folder beside DIR renamed into place
  at the end (never half-written), with each table's hash and row count in the descriptor; then
  checks it as `python -m loaders check DIR` does.
- `python -m store hash-password [--password-stdin]` prints a bcrypt hash of a password.
- `python -m store add-user NAME --role curator [--password-stdin]` prints the secrets.toml block
  for a curator account (paste it into `.streamlit/secrets.toml`); the name is normalised (case,
  spaces) as the login normalises it.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

import bcrypt

from loaders.__main__ import check
from store.db import default_db_url, open_store
from store.export import ExportError, export_package
from store.login import normalise_username, password_problem
from store.writes import ROLES


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("Password: ")
    if password != getpass.getpass("Repeat: "):
        raise SystemExit("the passwords differ")
    return password


def hash_password(password: str) -> str:
    """A bcrypt hash of the password exactly as typed, as the login checks it (`store.login`).

    Refuses a short password, or one with leading or trailing spaces (invisible when pasted).
    """
    problem = password_problem(password)
    if problem:
        raise SystemExit(problem)
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()


def user_block(username: str, password_hash: str, roles: list[str], name: str, email: str) -> str:
    """The `[auth.credentials.usernames.<username>]` TOML block for secrets.toml."""
    return "\n".join(
        [
            f"[auth.credentials.usernames.{json.dumps(username)}]",
            f"name = {json.dumps(name or username)}",
            f"email = {json.dumps(email)}",
            f"password = {json.dumps(password_hash)}",
            f"roles = {json.dumps(roles)}",
        ]
    )


def _export(out_dir: Path) -> int:
    store = open_store()
    try:
        export_package(store, out_dir)
    except ExportError as exc:
        print(f"export refused: {exc}", file=sys.stderr)
        return 1
    print(f"exported {default_db_url().split('@')[-1]} (data version {store.state().data_version})")
    return check(out_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m store", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export", help="write the curators' database as a data package")
    export.add_argument("out_dir", type=Path)
    hasher = sub.add_parser("hash-password", help="print a bcrypt hash of a password")
    hasher.add_argument("--password-stdin", action="store_true", help="read it from stdin")
    add = sub.add_parser("add-user", help="print a secrets.toml block for a curator account")
    add.add_argument("username")
    add.add_argument("--role", action="append", choices=ROLES, required=True, help="repeatable")
    add.add_argument("--name", default="")
    add.add_argument("--email", default="")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    args = parser.parse_args(argv)
    if args.command == "export":
        return _export(args.out_dir)
    if args.command == "hash-password":
        print(hash_password(_read_password(args.password_stdin)))
        return 0
    username = normalise_username(args.username)
    if not username:
        raise SystemExit("the username is empty")
    password_hash = hash_password(_read_password(args.password_stdin))
    print(user_block(username, password_hash, args.role, args.name, args.email))
    return 0


if __name__ == "__main__":
    sys.exit(main())
