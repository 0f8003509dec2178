"""Pages benchmark: every public page against the floor, at two data sizes (issue 16).

For each scale (default 10 and 100) it seeds a fresh database (`migrate`, `seed_demo --scale N`,
timed), starts gunicorn with 2 workers on `wijkportaal.settings.bench` — whose URLconf adds
`/__floor__/`, a view that answers "ok" through the same middleware in the same process — and
measures each public page with a thread-pool HTTP load generator for a few seconds, interleaved
with the floor (floor, page, floor, page, ...). A page's ratio is its requests per second over
the mean of the floor runs just before and after it, so the machine's own speed and whatever
else runs on it cancel out. In a separate process the same pages are rendered once more with
the Django test client with every page-cache scope bumped before each render, as a write to
all data would (uncached render time: page and fragments built again; the median of a few
renders, and the SQL queries of one); the logged-in pages — `/mijn/`,
`/mijn/verzoeken/`, the `/admin/` worklist, a wijkraad's page seen by its board, the toolkit and
training inventories — only get that second table.

Figures (stdout, `name<TAB>value<TAB>unit`, as run_all.py reads them), per scale and page:
`s<scale> <page> rps|ratio|kb|render|queries`, plus `s<scale> floor rps`, `s<scale> seed`
(seconds for seed_demo) and `goals_missed`. The same figures as one table per scale go to
stderr (`page  rps  ratio  kb  render_ms  queries`).

Goals (issue 16), sizes and render times checked at scale 100 and above; any miss exits 1:
- every public page at >= 0.5 x the floor, at every scale (goal 1);
- no HTML page over 150 KB and no uncached public render over 50 ms (goal 2);
- logged-in pages rendered in <= 30 ms, with the same number of queries at every scale (goal 3);
- `seed_demo --scale 100` in under 60 s on SQLite (goal 5).

Database: a throwaway SQLite file; when DATABASE_URL names a PostgreSQL server, a fresh
database on it (dropped afterwards). Cache and broker: a throwaway redis-server when one is
installed (as in production), else the settings' file cache and an in-memory broker.

    python bench/pages.py [--scale 10,100] [--quick] [--seconds 3] [--users 8]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._harness import (  # noqa: E402
    PYTHON,
    ROOT,
    Gunicorn,
    Redis,
    bench_env,
    fresh_database,
    run_load,
)

FLOOR = "/__floor__/"
CHAIR_EMAIL = "wijkraad@wijkportaal.test"  # the demo chair of bloemenbuurt
CHAIR_COUNCIL = "bloemenbuurt"
OFFICER_EMAIL = "ambtenaar@wijkportaal.test"

# Public pages (issue 16, goal 1): fixed paths, and patterns whose first match is taken from
# the links on the page named beside them (so the data decides which wijkraad, action, ...).
PUBLIC_FIXED = [
    "/",
    "/voortgang/",
    "/voortgang/feed/",
    "/voortgang/export.csv",
    "/voortgang/export.json",
    "/voortgang/open-data/",
    "/voortgang/reactietijd/",
    "/wijkraden/",
    "/wijkraden/rollen/",
    "/werkgroepen/",
    "/contactmomenten/",
    "/scholing/",
    "/conferentie/",
    "/toolkit/",
    "/toolkit/kennis/",
    "/wijkcontracten/",
    "/uitdaagrecht/",
    "/beheerexperiment/",
    "/ondersteuning/",
    "/raad/",
]
# Pages measured when they exist (built on other branches of issue 16).
PUBLIC_OPTIONAL = ["/voortgang/acties/"]
PUBLIC_FOUND = [
    ("/voortgang/", r"^/voortgang/aanbevelingen/\d+/$"),
    ("/voortgang/ /voortgang/acties/", r"^/voortgang/acties/\d+/$"),
    ("/wijkraden/", r"^/wijkraden/(?!rollen/)[\w-]+/$"),
    ("/werkgroepen/", r"^/werkgroepen/[\w-]+/$"),
    ("/scholing/", r"^/scholing/sessies/\d+/$"),
    ("/toolkit/", r"^/toolkit/kanalen/(?!vraag/)[\w-]+/$"),
    ("/wijkcontracten/", r"^/wijkcontracten/\d+/$"),
    ("/raad/", r"^/raad/\d+/$"),
]

GOAL_RATIO = 0.5
GOAL_KB = 150
GOAL_RENDER_MS = 50
GOAL_LOGGED_IN_MS = 30
GOAL_SEED_SECONDS = 60
SEED_GOAL_SCALE = 100
SIZE_GOAL_SCALE = 100  # sizes and render times are goals at scale 100 (and above)


# --- In the measuring process (django set up on the bench settings) -----------------------------


def _links(html: str) -> list[str]:
    return [href.split("#")[0] for href in re.findall(r'href="(/[^"]*)"', html)]


def _logged_in_client(user):
    """A test client logged in as `user` the way a real login through allauth leaves the
    session (password, then TOTP for staff), as tests/conftest.py PortalClient does."""
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from allauth.account.internal.flows.login import _AUTHENTICATION_METHODS_USER_SESSION_KEY
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.test import Client

    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    now = time.time()
    records = [{"method": "password", "at": now, "email": user.email}]
    if user.is_staff:
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if totp is None:  # production asks staff for TOTP; the demo officer has none yet
            totp = TOTP.activate(user, generate_totp_secret()).instance
        records.append({"method": "mfa", "at": now, "id": totp.pk, "type": "totp"})
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()
    return client


def _render(client, path: str, renders: int, *, clear: bool, before=None) -> dict:
    """Median time of `renders` renders and the queries of one. `clear`: uncached — before
    every render every scope's version is bumped, as a write to all the portal's data at once
    would (the worst case after a write, or after `migrate` on a deployment): the page and
    every fragment it uses (indicators, summaries) are built again, in this process and in
    the shared cache. For public pages. Logged-in pages are never page-cached; they are
    rendered warm, with the fragments they share (the monitor's summary) in the cache."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wijkportaal.core import pagecache

    every_scope = pagecache.scopes_all()
    times, queries, response = [], 0, None
    client.get(path)  # warm the per-process caches (templates, content types, translations)
    for index in range(renders):
        if clear:
            pagecache.bump(*every_scope)
        if before is not None:
            before()
        if index == 0:
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                response = client.get(path)
                times.append(time.perf_counter() - began)
            queries = len(captured)
        else:
            began = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - began)
    body = response.getvalue() if response.streaming else response.content
    return {
        "status": response.status_code,
        "html": "html" in response.get("Content-Type", ""),
        "kb": round(len(body) / 1024, 1),
        "render_ms": round(statistics.median(times) * 1000, 1),
        "queries": queries,
    }


def measure_in_process(out: Path, renders: int) -> None:
    import django

    django.setup()
    from django.test import Client

    from wijkportaal.accounts.models import User
    from wijkportaal.wijkraden.models import InventoryRound

    anonymous = Client(SERVER_NAME="127.0.0.1")
    public = list(PUBLIC_FIXED)
    public += [path for path in PUBLIC_OPTIONAL if anonymous.get(path).status_code == 200]
    missing = []
    for pages, pattern in PUBLIC_FOUND:
        links = []
        for page in pages.split():
            response = anonymous.get(page)
            if response.status_code == 200:
                links += _links(response.content.decode())
        found = next((link for link in links if re.match(pattern, link)), None)
        if found:
            public.append(found)
        else:
            missing.append(pattern)

    chair = User.objects.get(email=CHAIR_EMAIL)
    officer = User.objects.get(email=OFFICER_EMAIL)
    training_round = InventoryRound.objects.filter(kind="scholing").order_by("-deadline").first()
    logged_in = [
        ("chair", "/mijn/"),
        ("chair", "/mijn/verzoeken/"),
        ("chair", f"/wijkraden/{CHAIR_COUNCIL}/"),
        ("chair", f"/toolkit/inventaris/{CHAIR_COUNCIL}/"),
        ("officer", "/admin/"),
    ]
    if training_round is not None:
        logged_in += [
            ("chair", f"/scholing/inventarisatie/{training_round.slug}/"),
            ("officer", f"/scholing/inventarisatie/{training_round.slug}/"),
        ]
    clients = {"chair": _logged_in_client(chair), "officer": _logged_in_client(officer)}
    from wijkportaal.core import pagecache

    result = {
        # Not a goal, for the record: the admin front page keeps its blocks rendered until their
        # data changes; this is what the first officer request after a write (a case) costs.
        "after_write": {
            "officer /admin/": _render(
                clients["officer"],
                "/admin/",
                renders,
                clear=False,
                before=lambda: pagecache.bump("desk"),
            )
        },
        "public": {path: _render(anonymous, path, renders, clear=True) for path in public},
        "logged_in": {
            f"{who} {path}": _render(clients[who], path, renders, clear=False)
            for who, path in logged_in
        },
        "missing": missing,
    }
    out.write_text(json.dumps(result, indent=1))


# --- The driver ----------------------------------------------------------------------------------


@contextlib.contextmanager
def database(tmp: Path, scale: int):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://", "pgsql://")):
        with fresh_database(url) as fresh:
            yield fresh
    else:
        yield f"sqlite:///{tmp / f'pages-{scale}.sqlite3'}"


@contextlib.contextmanager
def cache_and_broker():
    if shutil.which("redis-server"):
        with Redis() as redis:
            yield {"REDIS_URL": redis.url}
    else:
        yield {"CELERY_BROKER_URL": "memory://"}


def run(env, *args, timeout=900) -> float:
    began = time.perf_counter()
    subprocess.run(
        [PYTHON, *args], cwd=ROOT, env=env, check=True, timeout=timeout, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - began


def rps(base, path, seconds, users) -> tuple[float, int]:
    result = run_load(base, [("bench", None, [path])] * users, seconds)
    return (len(result.ok()) / result.duration if result.duration else 0.0), len(result.errors())


def measure_scale(scale: int, args, tmp: Path) -> tuple[list, dict]:
    """Seed, serve and measure one scale; returns figures and the in-process results."""
    figures = []
    with database(tmp, scale) as url, cache_and_broker() as services:
        env = bench_env(DATABASE_URL=url, **services)
        run(env, "manage.py", "migrate", "--noinput")
        seed = run(env, "manage.py", "seed_demo", "--scale", str(scale), "--verbosity", "0")
        figures.append((f"s{scale} seed", f"{seed:.1f}", "s"))
        print(f"# scale {scale}: seed_demo {seed:.1f} s", file=sys.stderr, flush=True)

        out = tmp / f"render-{scale}.json"
        run(env, "bench/pages.py", "--measure", str(out), "--renders", str(args.renders))
        rendered = json.loads(out.read_text())

        with Gunicorn(env, workers=2) as server:
            pages = list(rendered["public"])
            for path in [FLOOR, *pages]:  # warm: fill the caches, start every worker thread
                rps(server.base, path, 0.3, 2)
            floors = [rps(server.base, FLOOR, args.seconds, args.users)[0]]
            for path in pages:
                page_rps, errors = rps(server.base, path, args.seconds, args.users)
                floors.append(rps(server.base, FLOOR, args.seconds, args.users)[0])
                floor = (floors[-2] + floors[-1]) / 2
                rendered["public"][path] |= {
                    "rps": round(page_rps, 1),
                    "ratio": round(page_rps / floor, 2) if floor else 0.0,
                    "errors": errors,
                }
            floor_rps = statistics.fmean(floors)
        figures.append((f"s{scale} floor rps", f"{floor_rps:.0f}", "req/s"))
        for path, page in rendered["public"].items():
            figures += [
                (f"s{scale} {path} rps", page["rps"], "req/s"),
                (f"s{scale} {path} ratio", page["ratio"], "x floor"),
                (f"s{scale} {path} kb", page["kb"], "KB"),
                (f"s{scale} {path} render", page["render_ms"], "ms"),
                (f"s{scale} {path} queries", page["queries"], "queries"),
            ]
        for name, page in rendered["logged_in"].items():
            figures += [
                (f"s{scale} {name} render", page["render_ms"], "ms"),
                (f"s{scale} {name} queries", page["queries"], "queries"),
            ]
        for name, page in rendered.get("after_write", {}).items():
            figures.append((f"s{scale} {name} after-write render", page["render_ms"], "ms"))
        rendered["floor_rps"] = floor_rps
        rendered["seed"] = seed
    return figures, rendered


def table(scale: int, rendered: dict) -> str:
    lines = [
        f"# scale {scale}: floor {rendered['floor_rps']:.0f} req/s",
        "page\trps\tratio\tkb\trender_ms\tqueries",
    ]
    for path, page in rendered["public"].items():
        lines.append(
            f"{path}\t{page['rps']}\t{page['ratio']}\t{page['kb']}\t{page['render_ms']}\t"
            f"{page['queries']}"
        )
    lines += ["", "logged in\trender_ms\tqueries\tkb"]
    for name, page in rendered["logged_in"].items():
        lines.append(f"{name}\t{page['render_ms']}\t{page['queries']}\t{page['kb']}")
    for name, page in rendered.get("after_write", {}).items():
        lines.append(
            f"{name} (after a write)\t{page['render_ms']}\t{page['queries']}\t{page['kb']}"
        )
    return "\n".join(lines)


def misses(results: dict[int, dict], *, sqlite: bool | None = None) -> list[str]:
    """The goals of issue 16 that these results miss, one line each. The seed goal is the
    SQLite one (`sqlite`: by default, whether DATABASE_URL names no PostgreSQL server)."""
    found = []
    largest = max(results)
    if sqlite is None:
        sqlite = not os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql"))
    for scale, rendered in results.items():
        for path in rendered["missing"]:
            found.append(f"s{scale}: no page matching {path} found")
        for path, page in rendered["public"].items():
            if page["status"] != 200 or page.get("errors"):
                found.append(f"s{scale} {path}: status {page['status']}, {page['errors']} errors")
            if page["ratio"] < GOAL_RATIO:
                found.append(f"s{scale} {path}: {page['ratio']} x floor < {GOAL_RATIO}")
        for name, page in rendered["logged_in"].items():
            if page["status"] != 200:
                found.append(f"s{scale} {name}: status {page['status']}")
        if scale == SEED_GOAL_SCALE and sqlite and rendered["seed"] >= GOAL_SEED_SECONDS:
            found.append(f"s{scale} seed_demo: {rendered['seed']:.0f} s >= {GOAL_SEED_SECONDS} s")
    for scale, rendered in results.items():
        if scale < SIZE_GOAL_SCALE:
            continue
        for path, page in rendered["public"].items():
            if page["html"] and page["kb"] > GOAL_KB:
                found.append(f"s{scale} {path}: {page['kb']} KB > {GOAL_KB} KB")
            if page["render_ms"] > GOAL_RENDER_MS:
                found.append(
                    f"s{scale} {path}: render {page['render_ms']} ms > {GOAL_RENDER_MS} ms"
                )
        for name, page in rendered["logged_in"].items():
            if page["render_ms"] > GOAL_LOGGED_IN_MS:
                found.append(
                    f"s{scale} {name}: render {page['render_ms']} ms > {GOAL_LOGGED_IN_MS} ms"
                )
    for name in results[largest]["logged_in"]:
        counts = {
            scale: results[scale]["logged_in"].get(name, {}).get("queries") for scale in results
        }
        if len(set(counts.values())) > 1:
            found.append(f"{name}: queries differ across scales {counts}")
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="10,100", help="comma-separated seed_demo scales")
    parser.add_argument("--quick", action="store_true", help="short runs (1 s, 3 renders)")
    parser.add_argument("--seconds", type=float, default=3.0, help="seconds per page and floor")
    parser.add_argument("--users", type=int, default=8, help="concurrent client threads")
    parser.add_argument("--renders", type=int, default=5, help="uncached renders per page")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the render process
    args = parser.parse_args(argv)
    if args.measure:
        measure_in_process(args.measure, args.renders)
        return 0
    if args.quick:
        args.seconds, args.renders = 1.0, 3
    scales = [int(scale) for scale in args.scale.split(",") if scale.strip()]

    figures, results = [], {}
    with tempfile.TemporaryDirectory(prefix="wp-pages-") as tmp:
        for scale in scales:
            scale_figures, results[scale] = measure_scale(scale, args, Path(tmp))
            figures += scale_figures
            print(table(scale, results[scale]) + "\n", file=sys.stderr, flush=True)
    missed = misses(results)
    for name, value, unit in [*figures, ("goals_missed", len(missed), "goals")]:
        print(f"{name}\t{value}\t{unit}", flush=True)
    for line in missed:
        print(f"# GEMIST: {line}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
