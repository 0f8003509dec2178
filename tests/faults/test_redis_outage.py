"""Redis (cache and broker) stopped: pages keep answering from the database, login works,
/gezondheid/ says 503; when Redis is back the health page recovers.

A throwaway redis-server on a free port (never the machine's 6379) and a fresh database on
the machine's PostgreSQL (dropped afterwards)."""

import json
import os
import time

import pytest

from bench._harness import (
    Gunicorn,
    Redis,
    bench_env,
    crawl,
    fresh_database,
    get,
    login,
    manage,
    wait_for,
)

pytestmark = pytest.mark.faults

HEARTBEATS = (
    "from wijkportaal.core.heartbeat import heartbeat_record; "
    "heartbeat_record('beat'); heartbeat_record('worker')"
)
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def health(base):
    reply = get(base, "/gezondheid/")
    return reply.status, json.loads(reply.body)


def test_pages_keep_answering_while_redis_is_down(tmp_path):
    with fresh_database(POSTGRES) as database_url, Redis() as redis:
        env = bench_env(DATABASE_URL=database_url, REDIS_URL=redis.url)
        manage(env, "migrate", "--noinput")
        manage(env, "seed_demo", "--verbosity", "0")
        # No Celery beat or worker runs here: note their sign of life, so that /gezondheid/
        # answers for Redis alone.
        manage(env, "shell", "-c", HEARTBEATS)
        with Gunicorn(env, workers=2, threads=2) as server:
            status, body = health(server.base)
            assert status == 200, body
            paths = crawl(server.base, ["/", "/wijkraden/"], limit=12)

            redis.stop()
            slow, failed = [], []
            for path in paths * 2:
                began = time.monotonic()
                reply = get(server.base, path, timeout=10)
                took = time.monotonic() - began
                if reply.status != 200:
                    failed.append((path, reply.status))
                if took > 3:
                    slow.append((path, round(took, 1)))
            cookies = login(server.base, "wijkraad@wijkportaal.test", "wijkportaal-demo")
            my_page = get(server.base, "/mijn/", cookies).status
            status_down, body_down = health(server.base)

            redis.start()
            wait_for(lambda: health(server.base)[0] == 200, 20, "health after Redis is back")
            log = server.tail()
    print(
        f"\nredis outage: {len(paths) * 2} page requests while down, {len(failed)} failed, "
        f"{len(slow)} slower than 3 s; health {status_down} while down, 200 after"
    )
    assert failed == [], log
    assert slow == []
    assert my_page == 200
    assert status_down == 503
    assert body_down["checks"]["cache"]["ok"] is False
    assert body_down["checks"]["database"]["ok"] is True
