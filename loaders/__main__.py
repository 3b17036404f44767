"""Command line: `python -m loaders check [DIR]` validates a data package.

Prints a row count per table and exits 0 when the package is valid; otherwise prints every problem
(resource, line, column, rule) and exits 1.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate a data package")
    check.add_argument("data_dir", nargs="?", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args.data_dir or default_data_dir())
    return 2


if __name__ == "__main__":
    sys.exit(main())
