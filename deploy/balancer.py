"""HAProxy: its configuration (templated by the app servers it balances), binary, and status."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path
from string import Template

__all__ = [
    "CHECK_MS",
    "FALL",
    "find_haproxy",
    "haproxy_command",
    "in_rotation",
    "render_config",
    "server_status",
]

TEMPLATE = Path(__file__).with_name("haproxy.cfg.template")
CHECK_MS = 1000  # health-check interval
FALL = 2  # failed checks in a row that take a process out (the template's `fall`)


def find_haproxy() -> str | None:
    """Path of the haproxy binary (PATH, then Debian's /usr/sbin), or None."""
    return shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin")


def render_config(
    servers: list[tuple[str, str]],
    bind: str,
    *,
    stats_socket: Path | None = None,
    check_ms: int = CHECK_MS,
) -> str:
    """The HAProxy config for `servers` ((name, host:port) each; the name is also the cookie)."""
    if not servers:
        raise ValueError("at least one app server is needed")
    lines = [f"    server {name} {address} cookie {name}" for name, address in servers]
    extra = f"    stats socket {stats_socket} mode 600 level user\n" if stats_socket else ""
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        global_extra=extra, bind=bind, check_ms=check_ms, fall=FALL, servers="\n".join(lines)
    )


def haproxy_command(config: Path) -> list[str]:
    """Run HAProxy in the foreground on `config` (the supervisor or the container owns it)."""
    binary = find_haproxy()
    if binary is None:
        raise FileNotFoundError("haproxy is not installed (Debian: apt-get install haproxy)")
    return [binary, "-db", "-f", str(config)]


def server_status(stats_socket: Path, timeout: float = 2.0) -> dict[str, str]:
    """Each app server's status as HAProxy sees it now ('UP', 'DOWN', 'MAINT', ...)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        sock.connect(str(stats_socket))
        sock.sendall(b"show stat\n")
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    rows = b"".join(chunks).decode().splitlines()
    header = rows[0].lstrip("# ").split(",")
    status = {}
    for row in rows[1:]:
        fields = dict(zip(header, row.split(","), strict=False))
        if fields.get("pxname") == "app" and fields.get("svname") not in ("FRONTEND", "BACKEND"):
            status[fields["svname"]] = fields.get("status", "")
    return status


def in_rotation(status: str) -> bool:
    """True while HAProxy sends new sessions to a server with this `show stat` status.

    A transition counts as the state it leaves: "UP 1/2" (one failed check of fall 2) is still
    in, "DOWN 1/2" (one passed check of rise 2) still out; "MAINT", "NOLB" and "DRAIN" take no
    new sessions.
    """
    return status.split(" ", 1)[0] == "UP" or status == "no check"
