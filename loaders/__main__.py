"""Command line for the data package.

- `python -m loaders check [DIR]` validates a data package: prints a row count per table and exits 0
  when it is valid; otherwise prints every problem (resource, line, column, rule) and exits 1.
- `python -m loaders export DIR` writes the curators' database (`$TRACKER_DB_URL`) as a package:
  its editable tables plus the package's other files, into a folder beside DIR renamed into place
  at the end (never half-written), with each table's hash and row count in the descriptor; then
  checks it.
- `python -m loaders hash-password [--password-stdin]` prints a bcrypt hash of a password.
- `python -m loaders add-user NAME --role curator [--password-stdin]` prints the secrets.toml block
  for a curator account (paste it into `.streamlit/secrets.toml`); the name is normalised (case,
  spaces) as the login normalises it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from loaders.package import default_data_dir, load_package


def _check(data_dir: Path) -> int:
    package = load_package(data_dir)
    if not package.ok:
        print(f"{data_dir}: {len(package.problems)} problem(s)")
        for problem in package.problems:
            print(f"  {problem}")
        return 1
    print(f"{data_dir}: valid (version {package.version}, as of {package.descriptor.as_of})")
    for resource in package.descriptor.resources:
        print(f"  {resource.name:<24}{package[resource.name].height:>7} rows")
    recorded = [r.name for r in package.descriptor.resources if r.hash or r.rows is not None]
    if recorded:
        print(f"  hashes and row counts recorded for {len(recorded)} table(s): all match")
    for line in summary_lines(package):
        print(line)
    return 0


def summary_lines(package) -> list[str]:
    """Headline counts a curator checks after an edit."""
    import polars as pl

    candidacies = package["candidacies"].group_by("cycle").len().sort("cycle")
    per_cycle = ", ".join(f"{c}: {n}" for c, n in candidacies.iter_rows())
    members = package["countries"].filter(pl.col("un_member")).height
    return [
        f"  candidacies per cycle: {per_cycle}",
        f"  UN members: {members}",
        f"  statements with a source: {package['statements'].height}, "
        f"record entries with a source: {package['record_entries'].height}",
    ]


ROLES = ("curator", "reviewer", "admin")


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    password = getpass.getpass("Password: ")
    if password != getpass.getpass("Repeat: "):
        raise SystemExit("the passwords differ")
    return password


def hash_password(password: str) -> str:
    """A bcrypt hash of the password exactly as typed, as the login checks it (`store.login`).

    Refuses a short password, or one with leading or trailing spaces (invisible when pasted).
    """
    import bcrypt

    from store.login import password_problem

    problem = password_problem(password)
    if problem:
        raise SystemExit(problem)
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()


def user_block(username: str, password_hash: str, roles: list[str], name: str, email: str) -> str:
    """The `[auth.credentials.usernames.<username>]` TOML block for secrets.toml."""
    import json

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
    from store import default_db_url, export_package, open_store
    from store.export import ExportError

    store = open_store()
    try:
        export_package(store, out_dir)
    except ExportError as exc:
        print(f"export refused: {exc}", file=sys.stderr)
        return 1
    print(f"exported {default_db_url().split('@')[-1]} (data version {store.state().data_version})")
    return _check(out_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m loaders", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate a data package")
    check.add_argument("data_dir", nargs="?", type=Path, default=None)
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
    if args.command == "check":
        return _check(args.data_dir or default_data_dir())
    if args.command == "export":
        return _export(args.out_dir)
    if args.command == "hash-password":
        print(hash_password(_read_password(args.password_stdin)))
        return 0
    if args.command == "add-user":
        from store.login import normalise_username

        username = normalise_username(args.username)
        if not username:
            raise SystemExit("the username is empty")
        password_hash = hash_password(_read_password(args.password_stdin))
        print(user_block(username, password_hash, args.role, args.name, args.email))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
