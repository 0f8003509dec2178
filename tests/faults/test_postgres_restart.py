"""PostgreSQL restarted during load: errors only while it restarts, then full recovery.

A throwaway cluster on a free port (never the machine's 5432) serves a gunicorn on the bench
settings; eight users browse while the cluster is restarted."""

import threading
import time

import pytest

from bench._harness import Gunicorn, PostgresCluster, bench_env, crawl, manage, run_load

pytestmark = pytest.mark.faults

LOAD_SECONDS = 14
RESTART_AFTER = 4
GRACE = 0.5  # requests already in flight when the restart ends may still fail


def test_postgres_restart_fails_requests_only_during_the_restart():
    with PostgresCluster() as cluster:
        env = bench_env(DATABASE_URL=cluster.url)
        manage(env, "migrate", "--noinput")
        manage(env, "seed_demo", "--verbosity", "0")
        with Gunicorn(env, workers=2, threads=4) as server:
            paths = crawl(server.base, ["/", "/wijkraden/"], limit=12)
            assert any(p.startswith("/wijkraden/") and p.count("/") == 3 for p in paths), paths
            plans = [("publiek", None, paths)] * 8
            results = []
            load = threading.Thread(
                target=lambda: results.append(run_load(server.base, plans, LOAD_SECONDS, 5.0))
            )
            load.start()
            time.sleep(RESTART_AFTER)
            restart_began = time.monotonic()
            cluster.restart()
            restart_ended = time.monotonic()
            load.join()
            log = server.tail()
    result = results[0]
    before = [s for s in result.samples if s.start + s.seconds < restart_began]
    after = [s for s in result.samples if s.start > restart_ended + GRACE]
    during = [s for s in result.samples if s not in before and s not in after and s.status != 200]
    outside = [s for s in before + after if s.status != 200]
    print(
        f"\npostgres restart: {len(result.samples)} requests, restart took "
        f"{restart_ended - restart_began:.1f} s, {len(during)} errors during it, "
        f"{len(outside)} outside it, {len(after)} requests after it"
    )
    assert len(before) >= 10
    assert len(after) >= 20, "too few requests after the restart to show recovery"
    assert outside == [], (outside[:5], log)
