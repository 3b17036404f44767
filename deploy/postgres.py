"""A throwaway PostgreSQL cluster for one deployment: initdb in a directory, loopback, a free port.

For a test or a side-event laptop when no database URL is given. It runs as a non-root user
(PostgreSQL refuses root: `postgres` if that user exists, else `nobody`), accepts password logins
on 127.0.0.1 only, and is deleted when stopped.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import time
from pathlib import Path

import sqlalchemy as sa

__all__ = ["ThrowawayPostgres", "find_pg_bindir"]

USER = "tracker"
DATABASE = "tracker"


def find_pg_bindir() -> Path | None:
    """The directory holding initdb and postgres: PATH, else Debian's newest /usr/lib/postgresql."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("postgres"):
        return Path(on_path).parent
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/postgres"),
        key=lambda p: [int(x) for x in Path(p).parts[-3].split(".") if x.isdigit()],
    )
    return Path(found[-1]).parent if found else None


def _run_as() -> pwd.struct_passwd | None:
    """The user to run PostgreSQL as when we are root; None when we are not root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and there is no 'postgres' or 'nobody' user to run as")


class ThrowawayPostgres:
    """One cluster under `root` (created, started, stopped and removed by this object)."""

    def __init__(self, root: Path, port: int, log: Path) -> None:
        self.root = Path(root)
        self.port = port
        self.log = Path(log)
        self.password = secrets.token_urlsafe(18)
        self.process: subprocess.Popen | None = None
        self.bindir = find_pg_bindir()
        if self.bindir is None:
            raise FileNotFoundError("no PostgreSQL server binaries (apt-get install postgresql)")
        self.user = _run_as()

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{USER}:{self.password}@127.0.0.1:{self.port}/{DATABASE}"

    def _as_user(self) -> dict:
        if self.user is None:
            return {}
        return {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}

    def _own(self, path: Path) -> None:
        if self.user is not None:
            os.chown(path, self.user.pw_uid, self.user.pw_gid)

    def start(self, timeout: float = 60.0) -> str:
        """initdb, start on 127.0.0.1:port, create the database; returns its URL."""
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o700)
        self._own(self.root)
        pwfile = self.root / "pwfile"
        pwfile.write_text(self.password + "\n", encoding="utf-8")
        pwfile.chmod(0o600)
        self._own(pwfile)
        data = self.root / "data"
        with self.log.open("ab") as log:
            subprocess.run(
                [str(self.bindir / "initdb"), "-D", str(data), "-U", USER, f"--pwfile={pwfile}",
                 "--auth=scram-sha-256", "-E", "UTF8", "--locale=C"],
                cwd=self.root, stdout=log, stderr=subprocess.STDOUT, check=True, **self._as_user(),
            )  # fmt: skip
        pwfile.unlink()
        self.process = self.spawn()
        self._create_database(timeout)
        return self.url

    def spawn(self) -> subprocess.Popen:
        """Start the server on the existing cluster (also used to restart it)."""
        log = self.log.open("ab")
        try:
            return subprocess.Popen(
                [str(self.bindir / "postgres"), "-D", str(self.root / "data"),
                 "-c", "listen_addresses=127.0.0.1", "-c", f"port={self.port}",
                 "-c", f"unix_socket_directories={self.root}", "-c", "max_connections=200"],
                cwd=self.root, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                **self._as_user(),
            )  # fmt: skip
        finally:
            log.close()

    def _create_database(self, timeout: float) -> None:
        admin = sa.create_engine(
            self.url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT"
        )
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    with admin.connect() as conn:
                        conn.exec_driver_sql(f"CREATE DATABASE {DATABASE} OWNER {USER}")
                    return
                except sa.exc.OperationalError:
                    if self.process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"PostgreSQL did not start; see {self.log}") from None
                    time.sleep(0.2)
        finally:
            admin.dispose()

    def stop(self, timeout: float = 30.0) -> None:
        """Fast shutdown (open transactions roll back), then remove the cluster."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # PostgreSQL's "fast" shutdown
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)
