"""`python -m deploy up|down|status|app|balancer` (see docs/DEPLOY.md)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from deploy.balancer import haproxy_command, render_config, server_status
from deploy.stack import (
    REPO,
    Stack,
    app_command,
    app_name,
    is_running,
    read_state,
    stop_running,
)

DEFAULT_STATE = REPO / "instance" / "deploy"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="start N apps, HAProxy and (without --db-url) PostgreSQL")
    up.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    up.add_argument("--port", type=int, default=8080, help="HAProxy's port (default 8080)")
    up.add_argument("--address", default="127.0.0.1", help="HAProxy's address (default loopback)")
    up.add_argument("--db-url", help="a PostgreSQL URL; default: a throwaway cluster")
    down = sub.add_parser("down", help="stop what `up` runs from --state-dir")
    status = sub.add_parser("status", help="what `up` runs from --state-dir, as HAProxy sees it")
    for cmd in (up, down, status):
        cmd.add_argument("--state-dir", type=Path, default=DEFAULT_STATE)
    app = sub.add_parser("app", help="run one app process in the foreground (the container's)")
    app.add_argument("--port", type=int, default=8501)
    app.add_argument("--address", default="127.0.0.1")
    balancer = sub.add_parser("balancer", help="run HAProxy in the foreground (the container's)")
    balancer.add_argument("--servers", required=True, help="host:port of each app, comma-separated")
    balancer.add_argument("--port", type=int, default=8080)
    balancer.add_argument("--address", default="127.0.0.1")
    args = parser.parse_args(argv)

    if args.command == "up":
        running = read_state(args.state_dir)
        if running and is_running(running["supervisor_pid"]):
            pid = running["supervisor_pid"]
            print(f"deploy: already running from {args.state_dir} (pid {pid})", file=sys.stderr)
            return 1
        stack = Stack(args.processes, args.state_dir, args.port, args.db_url, args.address)
        try:
            stack.up()
        except BaseException:
            stack.down()
            raise
        where = "a throwaway PostgreSQL" if stack.postgres else "the given database"
        print(f"deploy: serving {stack.processes} process(es) at http://{args.address}:"
              f"{args.port} on {where}; `python -m deploy down` stops it", flush=True)  # fmt: skip
        stack.supervise()
        return 0
    if args.command == "down":
        if not stop_running(args.state_dir):
            print(f"deploy: nothing is running from {args.state_dir}", file=sys.stderr)
            return 1
        return 0
    if args.command == "status":
        state = read_state(args.state_dir)
        if state is None:
            print(f"deploy: nothing is running from {args.state_dir}", file=sys.stderr)
            return 1
        state.pop("db_url", None)  # holds a password
        try:
            state["haproxy_sees"] = server_status(Path(state["stats_socket"]))
        except OSError as exc:
            state["haproxy_sees"] = f"unavailable: {exc}"
        print(json.dumps(state, indent=2))
        return 0
    if args.command == "app":
        command = app_command(args.port, args.address)
        os.chdir(REPO)
        os.execv(command[0], command)
    # balancer
    addresses = [s.strip() for s in args.servers.split(",") if s.strip()]
    servers = [(app_name(i), address) for i, address in enumerate(addresses, 1)]
    config = Path(tempfile.mkdtemp(prefix="tracker-haproxy-")) / "haproxy.cfg"
    config.write_text(render_config(servers, f"{args.address}:{args.port}"), encoding="utf-8")
    command = haproxy_command(config)
    os.execv(command[0], command)


if __name__ == "__main__":
    sys.exit(main())
