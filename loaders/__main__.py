"""Command line for the data package.

`python -m loaders check [DIR]` validates a data package: prints a row count per table and exits 0
when it is valid; otherwise prints every problem (resource, line, column, rule) and exits 1.

The curators' database and accounts have their own (`python -m store export | add-user |
hash-password`): store sits above loaders, so loaders never imports it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polars as pl

from loaders.package import default_data_dir, load_package

MOVED = ("export", "add-user", "hash-password")  # now `python -m store …`


def check(data_dir: Path) -> int:
    """Validate the package in `data_dir` and print the result; 0 if valid, else 1."""
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
    candidacies = package["candidacies"].group_by("cycle").len().sort("cycle")
    per_cycle = ", ".join(f"{c}: {n}" for c, n in candidacies.iter_rows())
    members = package["countries"].filter(pl.col("un_member")).height
    return [
        f"  candidacies per cycle: {per_cycle}",
        f"  UN members: {members}",
        f"  statements with a source: {package['statements'].height}, "
        f"record entries with a source: {package['record_entries'].height}",
    ]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in MOVED:
        print(f"`python -m loaders {argv[0]}` is now `python -m store {argv[0]}`", file=sys.stderr)
        return 2
    parser = argparse.ArgumentParser(
        prog="python -m loaders", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check_cmd = sub.add_parser("check", help="validate a data package")
    check_cmd.add_argument("data_dir", nargs="?", type=Path, default=None)
    args = parser.parse_args(argv)
    return check(args.data_dir or default_data_dir())


if __name__ == "__main__":
    sys.exit(main())
