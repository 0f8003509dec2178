"""Digest benchmark (issue 16, goal 4): build 1,000 and 10,000 subscribers with followed items
and recent changes, build and queue their digests, and print for each size the total time (wall
clock and CPU), the SQL queries, and the peak resident memory during the run (sampled, so the
timing is not slowed) with how much it grew; then the linearity (time for the large size over
ten times that of the small one, goal <= 1.2), the memory growth from small to large (goal:
flat, < 3 x), and the throughput of one and of two worker processes taking the batches (each
batch a task of its own, as beat queues them) off one queue (goal: two >= 1.6 x one). One
figure a line as `name<TAB>value<TAB>unit`; exits 1 when a goal is missed.

    python bench/digest_bench.py [--sizes 1000,10000] [--workers-size 2000]

Runs on a throwaway SQLite file by default; with DIGEST_BENCH_POSTGRES=postgres://user@host:port
it creates (and afterwards drops) a fresh PostgreSQL database on that server instead. SQLite
lets one writer in at a time, so only PostgreSQL says what a second worker brings. The queries
per batch of users stay constant: the total grows only with the number of batches."""

from __future__ import annotations

import argparse
import datetime
import gc
import multiprocessing
import os
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Issue 16, goal 4: 10x the recipients in at most 1.2 x ten times the time, memory that does
# not grow with them, and two worker processes at least 1.6 x as fast as one.
GOAL_LINEARITY = 1.2
GOAL_MEMORY_GROWTH = 3.0
GOAL_WORKERS = 1.6


def _database(tmp: Path) -> tuple[str, callable]:
    server = os.environ.get("DIGEST_BENCH_POSTGRES")
    if not server:
        # Worker processes write at the same time: wait for the lock rather than fail, and
        # take it at the start of a batch's transaction (no deadlock on upgrading a read).
        url = f"sqlite:///{tmp / 'bench.sqlite3'}?timeout=60&transaction_mode=IMMEDIATE"
        return url, lambda: None
    import psycopg2

    name = f"wp_digest_bench_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(server.rstrip("/") + "/postgres")
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')

    def drop():
        from django.db import connections

        connections.close_all()
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()

    return f"{server.rstrip('/')}/{name}", drop


def build(size: int, now: datetime.datetime) -> None:
    """Subscribers (councillors, wijkraad members, officers) with follows, and a week of
    changes on the actions they follow, written with bulk_create."""
    from recommendations.models import ActionItem, Follow, ProgressUpdate, Recommendation, Stance
    from wijkportaal.accounts.models import User, UserKind
    from wijkportaal.notifications.models import NotificationPreference
    from wijkportaal.wijkraden.models import Department

    departments = Department.objects.bulk_create(
        [Department(name=f"Afdeling {i}", slug=f"afdeling-{i}") for i in range(5)]
    )
    recs = Recommendation.objects.bulk_create(
        [
            Recommendation(
                number=n, title=f"Aanbeveling {n}", summary=".", answer=".", stance=Stance.ADOPTED
            )
            for n in range(1, 11)
        ]
    )
    today = now.date()
    actions = ActionItem.objects.bulk_create(
        [
            ActionItem(
                title=f"Actie {i}",
                department=departments[i % 5],
                due_date=today + datetime.timedelta(days=(i % 21) - 10),
            )
            for i in range(30)
        ]
    )
    Through = ActionItem.recommendations.through
    Through.objects.bulk_create(
        [
            Through(actionitem_id=a.pk, recommendation_id=recs[i % 10].pk)
            for i, a in enumerate(actions)
        ]
    )
    author = User.objects.create(
        email="auteur@bench.test", kind=UserKind.OFFICER, department=departments[0], password="!"
    )
    updates = []
    for i, action in enumerate(actions * 3):
        updates.append(
            ProgressUpdate(
                action=action,
                author=author,
                created_at=now - datetime.timedelta(hours=3 + i * 2),
                text=f"Voortgang {i}: de werkgroep kwam bijeen en besprak de planning.",
                status_before="gepland",
                status_after="lopend" if i % 4 == 0 else "gepland",
                progress_before=0,
                progress_after=10,
            )
        )
    ProgressUpdate.objects.bulk_create(updates)
    kinds = [UserKind.CITY_COUNCILLOR] * 7 + [UserKind.COUNCIL_MEMBER] * 2 + [UserKind.OFFICER]
    users = User.objects.bulk_create(
        [
            User(
                email=f"abonnee{i}@bench.test",
                first_name="Abonnee",
                last_name=str(i),
                kind=kinds[i % 10],
                department=departments[i % 5] if kinds[i % 10] == UserKind.OFFICER else None,
                password="!",
            )
            for i in range(size)
        ],
        batch_size=2000,
    )
    follows = []
    for i, user in enumerate(users):
        follows.append(Follow(user=user, recommendation=recs[i % 10]))
        follows.append(Follow(user=user, recommendation=recs[(i + 3) % 10]))
        follows.append(Follow(user=user, action=actions[(i * 7) % 30]))
    Follow.objects.bulk_create(follows, batch_size=5000)
    # Everyone got their previous digest a week ago; all are due now.
    NotificationPreference.objects.bulk_create(
        [
            NotificationPreference(
                user=user,
                digest_frequency="wekelijks",
                last_digest_at=now - datetime.timedelta(days=7),
            )
            for user in users
        ],
        batch_size=5000,
    )


def clear() -> None:
    from recommendations.models import ActionItem, Follow, ProgressUpdate, Recommendation
    from wijkportaal.accounts.models import User
    from wijkportaal.notifications.models import Notification, NotificationPreference
    from wijkportaal.wijkraden.models import Department

    for model in (
        Notification,
        NotificationPreference,
        Follow,
        ProgressUpdate,
        ActionItem,
        Recommendation,
        User,
        Department,
    ):
        model.objects.all().delete()


def reset(now: datetime.datetime) -> None:
    """Everyone due again: no digest rows, the previous digest a week ago."""
    from wijkportaal.notifications.models import Notification, NotificationPreference

    Notification.objects.all().delete()
    NotificationPreference.objects.update(last_digest_at=now - datetime.timedelta(days=7))


def rss() -> int:
    """This process's resident memory now, in bytes (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class PeakRss(threading.Thread):
    """Samples the resident memory every few milliseconds while the timed work runs (no
    tracemalloc: it would slow the run it measures)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.start_rss = self.peak = rss()
        self.done = threading.Event()

    def run(self):
        while not self.done.wait(0.005):
            self.peak = max(self.peak, rss())

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        self.join()
        self.peak = max(self.peak, rss())


def measure(size: int, now: datetime.datetime) -> tuple[list[tuple[str, str, str]], dict]:
    from django.db import connection

    from wijkportaal.notifications.digests import BATCH_SIZE, digests_queue
    from wijkportaal.notifications.models import Notification

    clear()
    build(size, now)
    queries = []

    def count(execute, sql, params, many, context):
        # Count, do not keep: CaptureQueriesContext would hold every INSERT with its rendered
        # mails and so make memory grow with the number of batches.
        queries.append(None)
        return execute(sql, params, many, context)

    gc.collect()
    with connection.execute_wrapper(count), PeakRss() as memory:
        began, began_cpu = time.perf_counter(), time.process_time()
        queued = digests_queue(now)
        elapsed, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    assert queued == Notification.objects.count() > 0, "the benchmark built no digests"
    batches = -(-size // BATCH_SIZE)
    mib = 2**20
    figures = [
        (f"digest_{size}_digests", str(queued), "digests"),
        (f"digest_{size}_time", f"{elapsed:.2f}", "s"),
        (f"digest_{size}_cpu_time", f"{cpu:.2f}", "s"),
        (f"digest_{size}_per_recipient", f"{elapsed / size * 1000:.2f}", "ms"),
        (f"digest_{size}_queries", str(len(queries)), "queries"),
        (f"digest_{size}_queries_per_batch", f"{len(queries) / batches:.1f}", "queries"),
        (f"digest_{size}_peak_rss", f"{memory.peak / mib:.1f}", "MiB"),
        (f"digest_{size}_rss_growth", f"{(memory.peak - memory.start_rss) / mib:.1f}", "MiB"),
    ]
    return figures, {"time": elapsed, "growth": memory.peak - memory.start_rss}


def _send_batch(job) -> int:
    """One batch task, as a worker process runs notifications.send_digest_batch."""
    from wijkportaal.notifications.digests import digest_batch_send

    user_ids, now = job
    return digest_batch_send(user_ids=user_ids, now=now)


def _worker_start():
    from django.db import connections

    # A forked worker opens its own connection; the parent's was closed before the fork.
    for conn in connections.all(initialized_only=True):
        conn.connection = None


def workers_throughput(size: int, now: datetime.datetime, processes: int) -> float:
    """Digests per second when `processes` worker processes take the batches of the due work
    off one queue, each batch a task of its own (as beat queues them)."""
    from django.db import connections

    from wijkportaal.notifications.digests import digest_batches

    reset(now)
    batches = digest_batches(now)
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with context.Pool(processes, initializer=_worker_start) as pool:
        began = time.perf_counter()
        queued = sum(pool.imap_unordered(_send_batch, [(ids, now) for ids in batches]))
        elapsed = time.perf_counter() - began
    assert queued > 0, "the workers built no digests"
    return queued / elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument(
        "--workers-size", type=int, default=0, help="users for the 1 vs 2 workers run (0: largest)"
    )
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]

    with tempfile.TemporaryDirectory(prefix="wp-digest-bench-") as tmp:
        url, drop = _database(Path(tmp))
        os.environ.update(
            {
                "DJANGO_SETTINGS_MODULE": "wijkportaal.settings.local",
                "DATABASE_URL": url,
                "DEBUG": "false",
                "CELERY_BROKER_URL": "memory://",
                "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            }
        )
        os.environ.pop("REDIS_URL", None)
        import django

        django.setup()
        from django.core.management import call_command

        from wijkportaal.notifications import sending

        # Measure building and writing the digests, not publishing their send tasks.
        sending.sending_enqueue = lambda ids: None
        missed = []
        try:
            call_command("migrate", verbosity=0)
            now = datetime.datetime(2026, 12, 7, 9, tzinfo=datetime.UTC)
            vendor = django.db.connection.vendor
            print(f"# database: {vendor}", file=sys.stderr)
            results = {}
            for size in sizes:
                figures, results[size] = measure(size, now)
                print_figures(figures)
            small, large = min(sizes), max(sizes)
            if large > small:
                linearity = results[large]["time"] / (results[small]["time"] * large / small)
                growth = results[large]["growth"] / max(results[small]["growth"], 2**20)
                print_figures(
                    [
                        (f"digest_linearity_{large}_vs_{small}", f"{linearity:.2f}", "x linear"),
                        (f"digest_rss_growth_{large}_vs_{small}", f"{growth:.1f}", "x"),
                    ]
                )
                if linearity > GOAL_LINEARITY:
                    missed.append(f"linearity {linearity:.2f} > {GOAL_LINEARITY}")
                if growth > GOAL_MEMORY_GROWTH:
                    missed.append(f"memory grew {growth:.1f} x from {small} to {large} users")
            workers_size = args.workers_size or large
            if workers_size != large:
                clear()
                build(workers_size, now)
            one = workers_throughput(workers_size, now, 1)
            two = workers_throughput(workers_size, now, 2)
            print_figures(
                [
                    (f"digest_{workers_size}_1_worker", f"{one:.0f}", "digests/s"),
                    (f"digest_{workers_size}_2_workers", f"{two:.0f}", "digests/s"),
                    ("digest_2_vs_1_workers", f"{two / one:.2f}", "x"),
                ]
            )
            if two / one < GOAL_WORKERS:
                missed.append(f"2 workers {two / one:.2f} x 1 worker < {GOAL_WORKERS}")
            if vendor == "sqlite":
                print(
                    "# SQLite lets one writer in at a time, so its worker figure says little: "
                    "set DIGEST_BENCH_POSTGRES for the real one",
                    file=sys.stderr,
                )
        finally:
            drop()
        for line in missed:
            print(f"# GEMIST: {line}", file=sys.stderr)
    return 1 if missed else 0


def print_figures(figures) -> None:
    for name, value, unit in figures:
        print(f"{name}\t{value}\t{unit}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
