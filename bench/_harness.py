"""Shared machinery for the load test and the fault tests: throwaway Redis and PostgreSQL,
a gunicorn on the bench settings, an HTTP client that logs in, a crawler and a load runner.

Everything listens on 127.0.0.1 on free ports; the machine's own PostgreSQL (5432) and Redis
(6379) are never stopped or flushed — at most a fresh database is created on 5432 and
dropped afterwards."""

from __future__ import annotations

import contextlib
import glob
import gzip
import http.client
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PROTECTED_PORTS = {5432, 6379}

SKIP = re.compile(
    r"^/(admin|static|media|i18n)/|/accounts/(logout|password|2fa|email|reauthenticate)"
    r"|\.(csv|json|ics|xml|pdf|zip|txt)$|/feed/$|/download/$"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert port not in PROTECTED_PORTS
    return port


def bench_env(**extra) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wijkportaal.settings.bench",
        "SECRET_KEY": "bench-" + secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)
    env.update({k: str(v) for k, v in extra.items()})
    return env


def manage(env, *args, timeout=900):
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=timeout,
        stdout=subprocess.DEVNULL,
    )


# --- Redis ---------------------------------------------------------------------------------------


class Redis:
    """A throwaway redis-server (no persistence) on a free port."""

    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="wp-redis-")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        assert self.port not in PROTECTED_PORTS
        subprocess.run(
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
                "--daemonize",
                "yes",
                "--dir",
                self.dir,
                "--pidfile",
                f"{self.dir}/redis.pid",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        wait_for(lambda: self.ping(), 10, "redis-server start")

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self):
        assert self.port not in PROTECTED_PORTS
        pidfile = Path(self.dir, "redis.pid")
        if pidfile.exists():
            pid = int(pidfile.read_text().strip())
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, 15)
        wait_for(lambda: not self.ping(), 10, "redis-server stop")

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


# --- PostgreSQL ----------------------------------------------------------------------------------


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"{name} niet gevonden: installeer het Debian-pakket postgresql")
    return found[-1]


def _as_postgres(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["su", "postgres", "-c", " ".join(command)]
    return command


class PostgresCluster:
    """A throwaway PostgreSQL cluster (initdb, trust auth) on a free port, owned by the
    postgres user because PostgreSQL refuses to run as root."""

    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="wp-pg-")
        self.data = f"{self.dir}/data"

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/wijkportaal"

    def _ctl(self, *args, timeout=60):
        assert self.port not in PROTECTED_PORTS
        subprocess.run(
            _as_postgres([pg_bin("pg_ctl"), "-D", self.data, "-w", "-t", "30", *args]),
            check=True,
            timeout=timeout,
            stdout=subprocess.DEVNULL,
        )

    def init(self):
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        subprocess.run(
            _as_postgres(
                [
                    pg_bin("initdb"),
                    "-D",
                    self.data,
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=120,
        )
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.dir}"
        )
        self._ctl("-o", f"'{options}'", "-l", f"{self.dir}/log", "start")
        subprocess.run(
            [
                pg_bin("createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "wijkportaal",
            ],
            check=True,
        )

    def restart(self):
        self._ctl("-m", "fast", "restart")

    def stop(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self._ctl("-m", "immediate", "stop")

    def __enter__(self):
        self.init()
        return self

    def __exit__(self, *exc):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


@contextlib.contextmanager
def fresh_database(server_url: str):
    """A new database on an existing server (e.g. the machine's 5432), dropped afterwards."""
    import psycopg2

    parts = urlsplit(server_url)
    name = f"wijkportaal_bench_{os.getpid()}_{secrets.token_hex(3)}"
    admin_dsn = parts._replace(path="/postgres").geturl()
    conn = psycopg2.connect(admin_dsn)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with conn.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()


# --- gunicorn ------------------------------------------------------------------------------------


class Gunicorn:
    def __init__(self, env, workers=3, threads=4):
        self.port = free_port()
        self.env = env
        self.workers, self.threads = workers, threads
        self.process = None
        self.log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in __exit__
            prefix="wp-gunicorn-", suffix=".log", delete=False
        )

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "wijkportaal.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--worker-class",
                "gthread",
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_for(lambda: get(self.base, "/toegankelijkheid/").status == 200, 60, "gunicorn")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)

    def tail(self, lines=40) -> str:
        return "\n".join(Path(self.log.name).read_text(errors="replace").splitlines()[-lines:])


def wait_for(predicate, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{what}: niet klaar na {seconds} s")


# --- HTTP ----------------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    body: str
    headers: dict[str, str]
    cookies: dict[str, str]


def get(base, path, cookies=None, method="GET", body=None, timeout=10.0, decode=True) -> Reply:
    """One request, asking for gzip as every browser does. `decode=False` (the load runner)
    reads the whole body but leaves it as bytes on the wire: a load generator measures the
    server, not its own unpacking and decoding."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    headers = {"Host": parts.netloc, "Accept-Encoding": "gzip"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Referer"] = base + path
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        data = ""
        if decode:
            if response.getheader("Content-Encoding") == "gzip":
                raw = gzip.decompress(raw)
            data = raw.decode("utf-8", "replace")
        set_cookies = {}
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                set_cookies[key.strip()] = rest.split(";", 1)[0]
        return Reply(response.status, data, dict(response.getheaders()), set_cookies)
    finally:
        conn.close()


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.inputs = [], {}

    def handle_starttag(self, tag, attrs):
        attr = dict(attrs)
        if tag == "a" and attr.get("href"):
            self.links.append(attr["href"])
        if tag == "input" and attr.get("name"):
            self.inputs[attr["name"]] = attr.get("value") or ""


def login(base, email, password) -> dict[str, str]:
    """Log in through the real login form; returns the session cookies."""
    from urllib.parse import urlencode

    page = get(base, "/accounts/login/")
    parser = _Parser()
    parser.feed(page.body)
    cookies = dict(page.cookies)
    body = urlencode(
        {
            "csrfmiddlewaretoken": parser.inputs["csrfmiddlewaretoken"],
            "login": email,
            "password": password,
        }
    )
    reply = get(base, "/accounts/login/", cookies=cookies, method="POST", body=body)
    cookies.update(reply.cookies)
    if reply.status != 302 or "sessionid" not in cookies:
        raise RuntimeError(f"inloggen als {email} mislukt: {reply.status}")
    return cookies


def crawl(base, starts, cookies=None, limit=40) -> list[str]:
    """Same-origin pages answering 200 HTML, breadth first, one per path shape (digits and
    slugs after the first segment count once per 3 examples)."""
    seen, shapes, pages, queue = set(), {}, [], list(starts)
    while queue and len(pages) < limit:
        path = queue.pop(0)
        if path in seen or SKIP.search(path):
            continue
        seen.add(path)
        segments = path.split("?")[0].strip("/").split("/")
        shape = "/".join(segments[:1] + ["*"] * (len(segments) - 1))
        if shapes.get(shape, 0) >= 3:
            continue
        reply = get(base, path, cookies)
        if reply.status != 200 or "html" not in reply.headers.get("Content-Type", ""):
            continue
        shapes[shape] = shapes.get(shape, 0) + 1
        pages.append(path)
        parser = _Parser()
        parser.feed(reply.body)
        for href in parser.links:
            url = urlsplit(urljoin(base + path, href))
            if f"{url.scheme}://{url.netloc}" == base:
                queue.append(url.path + (f"?{url.query}" if url.query else ""))
    return pages


# --- Load ----------------------------------------------------------------------------------------


@dataclass
class Sample:
    start: float  # time.monotonic()
    seconds: float
    status: int  # 0 = connection error / timeout
    path: str
    user: str


@dataclass
class LoadResult:
    samples: list[Sample] = field(default_factory=list)
    duration: float = 0.0

    def ok(self):
        return [s for s in self.samples if s.status == 200]

    def errors(self):
        return [s for s in self.samples if s.status != 200]

    def percentile(self, p: float) -> float:
        times = sorted(s.seconds for s in self.samples)
        if not times:
            return 0.0
        return times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))]

    def figures(self, prefix="load") -> list[tuple[str, float, str]]:
        n = len(self.samples)
        return [
            (f"{prefix}_requests", n, "requests"),
            (f"{prefix}_rps", round(n / self.duration, 1) if self.duration else 0, "req/s"),
            (f"{prefix}_p50", round(self.percentile(50) * 1000, 1), "ms"),
            (f"{prefix}_p95", round(self.percentile(95) * 1000, 1), "ms"),
            (
                f"{prefix}_mean",
                round(statistics.fmean(s.seconds for s in self.samples) * 1000, 1) if n else 0,
                "ms",
            ),
            (f"{prefix}_errors", len(self.errors()), "requests"),
        ]


def run_load(base, plans, seconds, timeout=10.0) -> LoadResult:
    """One thread per simulated user; `plans` is a list of (user label, cookies, paths). Each
    user requests its paths in turn, without think time, until `seconds` have passed."""
    result = LoadResult()
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def user(index, label, cookies, paths):
        local = []
        i = index
        while time.monotonic() < stop_at:
            path = paths[i % len(paths)]
            i += 1
            started = time.monotonic()
            try:
                status = get(base, path, cookies, timeout=timeout, decode=False).status
            except (OSError, http.client.HTTPException):
                status = 0
            local.append(Sample(started, time.monotonic() - started, status, path, label))
            if status == 0:
                time.sleep(0.05)  # do not spin on a refused connection
        with lock:
            result.samples.extend(local)

    threads = [
        threading.Thread(target=user, args=(i, *plan), daemon=True) for i, plan in enumerate(plans)
    ]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + timeout + 5)
    result.duration = time.monotonic() - began
    result.samples.sort(key=lambda s: s.start)
    return result


def print_figures(figures):
    for name, value, unit in figures:
        print(f"{name}\t{value}\t{unit}", flush=True)
