"""Throughput of the progress monitor against a trivial view, on the same server in one run.

Loads scale-10 demo data into a fresh PostgreSQL database, serves it with gunicorn under the
production settings (DEBUG off, a bench secret, no HTTPS redirect) with its own throwaway Redis
as cache, and fires a bounded number of concurrent requests from Python threads at
/voortgang/ and at /voortgang/ping/ (same middleware, no database). Prints one line per figure,
`name<TAB>value<TAB>unit`, for bench/run_all.py. Target: monitor / trivial >= 0.5.

    python bench/progress_throughput.py [--requests 3000] [--rounds 5] [--concurrency 8]

Requests alternate between the two paths in rounds; the figures are medians over the rounds.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recreate_database(server: str, name: str) -> None:
    connection = psycopg2.connect(f"{server}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def run(args: list[str], env: dict) -> None:
    subprocess.run(args, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def wait_for(port: int, path: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server on port {port} did not answer {path}")


def measure(port: int, path: str, total: int, concurrency: int) -> float:
    """Requests per second for `total` GETs of `path` by `concurrency` threads."""
    counter = iter(range(total))
    lock = threading.Lock()
    failures: list[int] = []

    def worker() -> None:
        while True:
            with lock:
                if next(counter, None) is None:
                    return
            # gunicorn's sync workers close the connection after each response.
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                failures.append(response.status)
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise SystemExit(f"{path}: {len(failures)} failed requests, e.g. {failures[:3]}")
    return total / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--database", default="wijkportaal_bench")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="wijkportaal-bench-"))
    redis_port, web_port = free_port(), free_port()
    redis = shutil.which("redis-server")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wijkportaal.settings.production",
        "DATABASE_URL": f"{options.postgres}/{options.database}",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789abcdef",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        "MEDIA_ROOT": str(work / "media"),
    }
    if redis:
        subprocess.run(
            [
                redis,
                "--port",
                str(redis_port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "yes",
                "--pidfile",
                str(work / "redis.pid"),
                "--dir",
                str(work),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
    server = None
    try:
        recreate_database(options.postgres, options.database)
        run([PYTHON, "manage.py", "compiletranslations"], env)
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        run([PYTHON, "manage.py", "seed_demo", "--scale", str(options.scale), "-v0"], env)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
        server = subprocess.Popen(
            [
                str(Path(PYTHON).with_name("gunicorn")),
                "wijkportaal.wsgi:application",
                "--bind",
                f"127.0.0.1:{web_port}",
                "--workers",
                str(options.workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        wait_for(web_port, "/voortgang/ping/")
        wait_for(web_port, "/voortgang/")
        # Warm every worker (imports, template loading, cache).
        measure(web_port, "/voortgang/", 100, options.concurrency)
        measure(web_port, "/voortgang/ping/", 100, options.concurrency)
        # Alternate the two in rounds and take medians, so a busy machine hurts both alike.
        per_round = max(options.requests // options.rounds, 50)
        trivial_runs, monitor_runs = [], []
        for _round in range(options.rounds):
            trivial_runs.append(
                measure(web_port, "/voortgang/ping/", per_round, options.concurrency)
            )
            monitor_runs.append(measure(web_port, "/voortgang/", per_round, options.concurrency))
        trivial = statistics.median(trivial_runs)
        monitor = statistics.median(monitor_runs)
        ratios = sorted(m / t for m, t in zip(monitor_runs, trivial_runs, strict=True))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if redis and (work / "redis.pid").exists():
            pid = int((work / "redis.pid").read_text().strip())
            os.kill(pid, 15)
        if not options.keep:
            try:
                connection = psycopg2.connect(f"{options.postgres}/postgres")
                connection.autocommit = True
                with connection.cursor() as cursor:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{options.database}" WITH (FORCE)')
                connection.close()
            except psycopg2.Error:
                pass
        shutil.rmtree(work, ignore_errors=True)
    print(f"progress_monitor_rps\t{monitor:.1f}\treq/s")
    print(f"progress_trivial_rps\t{trivial:.1f}\treq/s")
    print(f"progress_monitor_ratio\t{monitor / trivial:.2f}\tratio")
    print(f"progress_monitor_ratio_min\t{ratios[0]:.2f}\tratio")


if __name__ == "__main__":
    main()
