"""Load test: 50 concurrent users for 60 seconds against gunicorn on PostgreSQL and Redis.

Seeds scale data into a fresh PostgreSQL database (dropped afterwards), starts a throwaway
redis-server as cache and broker, runs gunicorn on the bench settings (production over plain
HTTP on 127.0.0.1) and lets half the users browse the public pages and half browse logged in
as the demo wijkraad chair (session from the real login form). Pages come from crawling the
site, so new apps' pages join the mix by themselves.

Prints one line per figure (name<TAB>value<TAB>unit) and exits non-zero on any error.

    python bench/load_test.py [--users 50] [--seconds 60] [--scale 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._harness import (  # noqa: E402
    Gunicorn,
    Redis,
    bench_env,
    crawl,
    fresh_database,
    login,
    manage,
    print_figures,
    run_load,
)

DEMO_EMAIL = "wijkraad@wijkportaal.test"
DEMO_PASSWORD = "wijkportaal-demo"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--scale", type=int, default=3)
    parser.add_argument("--workers", type=int, default=max(2, (os.cpu_count() or 2) + 1))
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="server on which a fresh database is created and dropped",
    )
    args = parser.parse_args(argv)

    with fresh_database(args.postgres) as database_url, Redis() as redis:
        env = bench_env(DATABASE_URL=database_url, REDIS_URL=redis.url)
        manage(env, "migrate", "--noinput")
        manage(env, "seed_demo", "--scale", str(args.scale), "--verbosity", "0")
        with Gunicorn(env, workers=args.workers) as server:
            cookies = login(server.base, DEMO_EMAIL, DEMO_PASSWORD)
            public = crawl(server.base, ["/"])
            private = crawl(server.base, ["/mijn/", "/"], cookies=cookies)
            plans = [
                ("ingelogd", cookies, private) if i % 2 else ("publiek", None, public)
                for i in range(args.users)
            ]
            result = run_load(server.base, plans, args.seconds)
            errors = result.errors()
            figures = [
                ("load_users", args.users, "users"),
                ("load_seconds", round(result.duration, 1), "s"),
                ("load_pages", len(set(public) | set(private)), "pages"),
                *result.figures(),
            ]
            print_figures(figures)
            if errors:
                counts = Counter((s.status, s.path) for s in errors)
                for (status, path), n in counts.most_common(10):
                    print(f"# {n}x {status} {path}", file=sys.stderr)
                print(server.tail(), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    if not shutil.which("redis-server"):
        sys.exit("redis-server ontbreekt: installeer het Debian-pakket redis-server")
    sys.exit(main())
