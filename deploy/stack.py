"""`python -m deploy up`: N app processes, HAProxy in front, PostgreSQL behind, kept running.

The supervisor (this process, in the foreground) starts everything on loopback, writes
`state.json` in the state directory (ports, PIDs, database URL; mode 600), restarts any child that
dies (an app process on the same port, so HAProxy's health check lets it back in), and on SIGTERM
or SIGINT (`python -m deploy down`, Ctrl-C) stops HAProxy, then the apps, then the database.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from deploy.balancer import haproxy_command, render_config, server_status
from deploy.postgres import ThrowawayPostgres
from loaders import default_data_dir
from store import export_package, open_store

__all__ = [
    "Stack",
    "app_command",
    "app_name",
    "free_port",
    "is_running",
    "read_state",
    "stop_running",
]

REPO = Path(__file__).resolve().parents[1]
STATE = "state.json"
QUICK_DEATH_S = 10.0  # a child that dies sooner than this after its start restarts after a pause
COOKIE_SECRET_ENV = "STREAMLIT_SERVER_COOKIE_SECRET"  # one for all processes (XSRF tokens)


def app_name(i: int) -> str:
    """The name of app process i (1-based): HAProxy's server name and its cookie value."""
    return f"app{i}"


def app_command(port: int, address: str = "127.0.0.1") -> list[str]:
    """One app process, as `up` starts it and the container runs it."""
    return [
        sys.executable, "-m", "streamlit", "run", str(REPO / "dashboard.py"),
        "--server.port", str(port), "--server.address", address, "--server.headless", "true",
        "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def read_state(state_dir: Path) -> dict | None:
    """What a running `up` wrote about itself, or None."""
    try:
        return json.loads((Path(state_dir) / STATE).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


@dataclass
class Child:
    """One supervised process."""

    name: str
    command: list[str]
    log: Path
    env: dict[str, str] | None = None
    process: subprocess.Popen | None = None
    started: float = 0.0
    restarts: int = 0
    retry_at: float = 0.0
    extra: dict = field(default_factory=dict)

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command, cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )  # fmt: skip
        self.started = time.monotonic()

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15.0) -> None:
        if not self.alive():
            return
        self.process.send_signal(sig)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Stack:
    """The whole deployment on this machine."""

    def __init__(
        self,
        processes: int,
        state_dir: Path,
        port: int,
        db_url: str | None = None,
        address: str = "127.0.0.1",
    ) -> None:
        if processes < 1:
            raise ValueError("--processes must be at least 1")
        self.processes = processes
        self.state_dir = Path(state_dir).resolve()
        self.port = port
        self.address = address
        self.db_url = db_url
        self.postgres: ThrowawayPostgres | None = None
        self.apps: list[Child] = []
        self.balancer: Child | None = None
        self.stopping = False
        self.ready = False

    @property
    def logs(self) -> Path:
        return self.state_dir / "logs"

    @property
    def stats_socket(self) -> Path:
        return self.state_dir / "haproxy.sock"

    # -- start -------------------------------------------------------------------------------------
    def up(self, timeout: float = 180.0) -> None:
        """Start the database (if no URL was given), the apps and HAProxy; wait until all serve."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.state_dir.chmod(0o700)
        self.logs.mkdir(exist_ok=True)
        if self.db_url is None:
            root = Path(tempfile.mkdtemp(prefix="tracker-pg-"))
            self.postgres = ThrowawayPostgres(root, free_port(), self.logs / "postgres.log")
            self.db_url = self.postgres.start()
        env = {
            **os.environ,
            "TRACKER_DB_URL": self.db_url,
            COOKIE_SECRET_ENV: os.environ.get(COOKIE_SECRET_ENV) or secrets.token_hex(32),
        }
        for i in range(1, self.processes + 1):
            port = free_port()
            name = app_name(i)
            log = self.logs / f"{name}.log"
            child = Child(name, app_command(port), log, env, extra={"port": port})
            child.start()
            self.apps.append(child)
        config = self.state_dir / "haproxy.cfg"
        servers = [(a.name, f"127.0.0.1:{a.extra['port']}") for a in self.apps]
        bind = f"{self.address}:{self.port}"
        config.write_text(render_config(servers, bind, stats_socket=self.stats_socket))
        self.balancer = Child("haproxy", haproxy_command(config), self.logs / "haproxy.log")
        self.balancer.start()
        self.write_state()
        self._wait_until_serving(timeout)
        self.ready = True
        self.write_state()

    def _wait_until_serving(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        waiting = {a.name for a in self.apps}
        while waiting:
            for app in self.apps:
                if app.name in waiting and _healthy(app.extra["port"]):
                    waiting.discard(app.name)
            if not self.balancer.alive():
                raise RuntimeError(f"haproxy exited; see {self.balancer.log}")
            dead = [a.name for a in self.apps if not a.alive()]
            if dead or time.monotonic() > deadline:
                not_serving = dead or sorted(waiting)
                raise RuntimeError(f"app processes not serving: {not_serving}; see {self.logs}")
            time.sleep(0.3)
        while time.monotonic() < deadline:  # HAProxy has seen them pass (rise 2)
            with contextlib.suppress(OSError):
                if set(server_status(self.stats_socket).values()) == {"UP"}:
                    return
            time.sleep(0.3)
        raise RuntimeError("HAProxy did not see every app process up in time")

    # -- run ---------------------------------------------------------------------------------------
    def supervise(self, poll_s: float = 0.25) -> None:
        """Restart whatever dies until SIGTERM/SIGINT; then stop everything."""

        def request_stop(signum, frame):
            self.stopping = True

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        try:
            while not self.stopping:
                changed = False
                for child in [*self.apps, self.balancer]:
                    changed |= self._revive(child)
                if self.postgres and self.postgres.process.poll() is not None:
                    self._log(f"postgres exited ({self.postgres.process.returncode}); restarting")
                    self.postgres.process = self.postgres.spawn()
                    changed = True
                if changed:
                    self.write_state()
                time.sleep(poll_s)
        finally:
            self.down()

    def _revive(self, child: Child) -> bool:
        if child.alive() or self.stopping:
            return False
        now = time.monotonic()
        if not child.retry_at:  # just found dead: restart now, or after a back-off if it died young
            lived = now - child.started
            delay = 0.0 if lived > QUICK_DEATH_S else min(30.0, 2.0 ** min(child.restarts, 5))
            child.retry_at = now + delay
            self._log(f"{child.name} (pid {child.pid}) exited with {child.process.returncode} "
                      f"after {lived:.1f} s; restarting in {delay:.0f} s")  # fmt: skip
        if now < child.retry_at:
            return False
        child.retry_at = 0.0
        child.restarts += 1
        child.start()
        self._log(f"{child.name} restarted as pid {child.pid}")
        return True

    def _log(self, text: str) -> None:
        stamp = time.strftime("%H:%M:%S")
        with (self.logs / "supervisor.log").open("a", encoding="utf-8") as log:
            log.write(f"{stamp} {text}\n")
        print(f"deploy: {text}", file=sys.stderr, flush=True)

    # -- stop --------------------------------------------------------------------------------------
    def down(self) -> None:
        """Stop HAProxy (no new traffic), then the apps, then the throwaway database."""
        self.stopping = True
        if self.balancer:
            self.balancer.stop()
        for app in self.apps:
            if app.alive():
                app.process.send_signal(signal.SIGTERM)
        for app in self.apps:
            app.stop()
        if self.postgres:
            self._export_edits()
            self.postgres.stop()
        (self.state_dir / STATE).unlink(missing_ok=True)
        self.stats_socket.unlink(missing_ok=True)

    def _export_edits(self) -> None:
        """Before the throwaway database goes: curators' edits, if any, saved as a data package."""
        try:
            store = open_store(self.db_url, default_data_dir())
            if store.state().edits:
                target = self.state_dir / time.strftime("export-%Y%m%d-%H%M%S")
                export_package(store, target)
                self._log(f"the throwaway database had curators' edits: exported to {target}")
            store.engine.dispose()
        except Exception as exc:  # stopping must go on; say what could not be saved
            self._log(f"could not export the throwaway database's edits: {exc}")

    def write_state(self) -> None:
        state = {
            "supervisor_pid": os.getpid(),
            "ready": self.ready,
            "url": f"http://{self.address}:{self.port}",
            "port": self.port,
            "db_url": self.db_url,
            "throwaway_db": self.postgres is not None,
            "stats_socket": str(self.stats_socket),
            "apps": [
                {"name": a.name, "port": a.extra["port"], "pid": a.pid, "restarts": a.restarts}
                for a in self.apps
            ],
            "haproxy_pid": self.balancer.pid if self.balancer else None,
            "postgres_pid": self.postgres.process.pid if self.postgres else None,
            "postgres_dir": str(self.postgres.root) if self.postgres else None,
        }
        path = self.state_dir / STATE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, indent=2), encoding="utf-8")
        tmp.chmod(0o600)  # holds the database URL
        tmp.replace(path)


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


def stop_running(state_dir: Path, timeout: float = 60.0) -> bool:
    """Ask the `up` that owns `state_dir` to stop, and wait; False if none was running."""
    state = read_state(state_dir)
    if state is None:
        return False
    pid = state["supervisor_pid"]
    if is_running(pid):
        os.kill(pid, signal.SIGTERM)
        os.kill(pid, signal.SIGCONT)  # a supervisor stopped by job control (Ctrl-Z) acts on it
        deadline = time.monotonic() + timeout
        while is_running(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if not is_running(pid):
            return True
    # The supervisor is gone (killed hard): stop what it left, by the PIDs it recorded.
    pids = [a["pid"] for a in state["apps"]] + [state["haproxy_pid"], state["postgres_pid"]]
    for child in filter(None, pids):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(child, signal.SIGTERM)
    (Path(state_dir) / STATE).unlink(missing_ok=True)
    return True


def is_running(pid: int) -> bool:
    """True while `pid` exists and is not a zombie (exited, not yet reaped by its parent)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
