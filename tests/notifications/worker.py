"""A real Celery worker in a subprocess, against a real Redis broker and the test database.

CI sets REDIS_URL (and PostgreSQL); locally, start your own redis-server on a spare port and
set REDIS_URL=redis://127.0.0.1:<port>/0 and DATABASE_URL to PostgreSQL. Without them these
tests skip locally and fail in CI. TEST_WORKER_LOGLEVEL=info shows each task in the worker's
log. Each xdist worker uses its own Redis database for the broker (15, 14, …), away from the
cache databases of the test settings (1 + n)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"Deze test hoort in CI te draaien: {reason}")
    pytest.skip(reason)


def broker_url_for_tests() -> str:
    url = os.environ.get("REDIS_URL")
    if not url:
        _missing("zet REDIS_URL naar een eigen redis-server voor de worker-tests")
    index = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    return urlunsplit(urlsplit(url)._replace(path=f"/{15 - index % 8}"))


def database_url_for_worker() -> str:
    data = connection.settings_dict
    if connection.vendor != "postgresql":
        _missing("een worker-proces ziet de SQLite-testdatabase in het geheugen niet")
    auth = quote(data["USER"] or "")
    if data.get("PASSWORD"):
        auth += ":" + quote(data["PASSWORD"])
    host = f"{data['HOST'] or '127.0.0.1'}:{data['PORT'] or 5432}"
    return f"postgres://{auth}@{host}/{data['NAME']}"


@contextlib.contextmanager
def celery_broker(url: str):
    """Point this (test) process's Celery app at `url` for publishing."""
    from wijkportaal.celery import app

    old = app.conf.broker_url
    app.conf.broker_url = url
    _reset_pools(app)
    try:
        yield app
    finally:
        app.conf.broker_url = old
        _reset_pools(app)


def _reset_pools(app) -> None:
    """Drop the connection and producer pools built for another broker URL (what Celery
    itself does after a fork; app.close() would also unregister the app)."""
    app._pool = None
    amqp = app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


class Worker:
    def __init__(self, broker_url: str, tmp: Path, **env: str):
        self.log = tmp / f"worker-{uuid.uuid4().hex[:6]}.log"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "wijkportaal.settings.local",
            "DEBUG": "false",
            "SECRET_KEY": settings.SECRET_KEY,
            "DATABASE_URL": database_url_for_worker(),
            "REDIS_URL": broker_url,
            "CELERY_BROKER_URL": broker_url,
            "CELERY_VISIBILITY_TIMEOUT": "3",
            "NOTIFICATION_RETRY_BACKOFF": "1",
            "LOG_LEVEL": "WARNING",
            **env,
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> Worker:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "wijkportaal",
                    "worker",
                    "-P",
                    "solo",
                    "--without-heartbeat",
                    "--without-gossip",
                    "--without-mingle",
                    "-l",
                    os.environ.get("TEST_WORKER_LOGLEVEL", "warning"),
                    "-n",
                    f"test-{uuid.uuid4().hex[:8]}@%h",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown, no acks, no cleanup."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def flaky_mail_worker(broker_url: str, tmp: Path, counters: Path, failures: int) -> Worker:
    """A started worker whose mail server refuses each address `failures` times, temporarily,
    before it takes the message (tests.notifications.mail_backends.FlakySMTPBackend); the
    attempts are counted in files under `counters`, the mail lands in tmp / "mail"."""
    return Worker(
        broker_url,
        tmp,
        EMAIL_BACKEND="tests.notifications.mail_backends.FlakySMTPBackend",
        EMAIL_FILE_PATH=str(tmp / "mail"),
        FLAKY_COUNTER_DIR=str(counters),
        FLAKY_FAILURES=str(failures),
    ).start()


def wait_for(condition, timeout: float = 30, interval: float = 0.1, message: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"Niet gelukt binnen {timeout} s: {message}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayRedis:
    """A redis-server on its own port that a test starts and stops (never the machine's)."""

    def __init__(self, tmp: Path):
        self.port = free_port()
        self.dir = tmp
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> ThrowawayRedis:
        self.process = subprocess.Popen(  # noqa: S603
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self._answers, timeout=10, message="redis-server start")
        return self

    def _answers(self) -> bool:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 0.2):
            return True
        return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
