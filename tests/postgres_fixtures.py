"""A real PostgreSQL server for the tests that need one (many dispatchers, SKIP LOCKED,

It is started once per test session on 127.0.0.1 and a free port, with its data and
socket in a private temporary folder, and stopped at the end. When run as root, the
server runs as the `postgres` user (initdb refuses root). When PostgreSQL is missing and
we are root, it is installed with apt-get; otherwise the tests that need it are skipped
with the reason.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from tooling import missing_tool


def _pg_bin() -> Path | None:
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    return None


def _install_postgres() -> str | None:
    """apt-get install postgresql; returns why it could not, or None."""
    if os.geteuid() != 0:
        return "PostgreSQL is not installed and installing it needs root"
    if shutil.which("apt-get") is None:
        return "PostgreSQL is not installed and there is no apt-get to install it"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"],
    ):
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
        if result.returncode != 0:
            return f"installing PostgreSQL failed: {result.stderr.strip()[-300:]}"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(argv: list[str], as_user: list[str], **kwargs: object) -> None:
    result = subprocess.run(
        [*as_user, *argv],
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,  # type: ignore[call-overload]
    )
    if result.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed: {(result.stderr or result.stdout)[-500:]}")


class PostgresUnavailable(Exception):
    """Why no PostgreSQL server could be had here."""


@contextmanager
def running_postgres() -> Iterator[str]:
    """Start a private server; yields the URL prefix `postgresql+psycopg://smsdesk@HOST:PORT`.
    Raises PostgresUnavailable with the reason (the fixture skips or fails on it)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise PostgresUnavailable("psycopg is not installed") from None
    bin_dir = _pg_bin()
    if bin_dir is None:
        reason = _install_postgres()
        bin_dir = _pg_bin()
        if bin_dir is None:
            raise PostgresUnavailable(
                reason or "PostgreSQL (initdb, pg_ctl) not found after installing it"
            )
    as_user: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="smsdesk-pg-"))
    if os.geteuid() == 0:
        runner = shutil.which("runuser")
        if runner is None:
            shutil.rmtree(base, ignore_errors=True)
            raise PostgresUnavailable(
                "running as root without runuser: cannot start PostgreSQL as postgres"
            )
        as_user = [runner, "-u", "postgres", "--"]
        shutil.chown(base, "postgres")
    data, log_file = base / "data", base / "server.log"
    port = _free_port()
    try:
        _run(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "smsdesk",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
            as_user,
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={base} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=60"
        )
        pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log_file), "-w"]
        _run([*pg_ctl, "-o", options, "start"], as_user)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(base, ignore_errors=True)
        raise PostgresUnavailable(f"PostgreSQL could not start: {exc}") from None
    try:
        yield f"postgresql+psycopg://smsdesk@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(base, ignore_errors=True)


def new_database(server_url: str) -> str:
    """A fresh, empty database on a running server: its URL."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    host, port = server_url.split("@", 1)[1].split(":")
    with psycopg.connect(
        host=host, port=int(port), user="smsdesk", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url}/{name}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL prefix `postgresql+psycopg://smsdesk@127.0.0.1:PORT` of a running server."""
    try:
        with running_postgres() as url:
            yield url
    except PostgresUnavailable as exc:
        missing_tool(str(exc))


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A fresh, empty database on the shared server, for one test."""
    return new_database(postgres_server)
