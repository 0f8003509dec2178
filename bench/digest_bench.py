"""Digest benchmark: build 1,000 and 10,000 subscribers with followed items and recent changes,
run the digest builder, and print for each size the total time (wall clock and CPU), the SQL
queries and the peak Python memory (tracemalloc, on during the timed run, slows it somewhat),
one figure a line as `name<TAB>value<TAB>unit`.

    python bench/digest_bench.py [--sizes 1000,10000]

Runs on a throwaway SQLite file by default; with DIGEST_BENCH_POSTGRES=postgres://user@host:port
it creates (and afterwards drops) a fresh PostgreSQL database on that server instead. The
queries per batch of users stay constant: the total grows only with the number of batches."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _database(tmp: Path) -> tuple[str, callable]:
    server = os.environ.get("DIGEST_BENCH_POSTGRES")
    if not server:
        return f"sqlite:///{tmp / 'bench.sqlite3'}", lambda: None
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


def measure(size: int, now: datetime.datetime) -> list[tuple[str, str, str]]:
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

    tracemalloc.start()
    with connection.execute_wrapper(count):
        began, began_cpu = time.perf_counter(), time.process_time()
        queued = digests_queue(now)
        elapsed, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert queued == Notification.objects.count() > 0, "the benchmark built no digests"
    batches = -(-size // BATCH_SIZE)
    return [
        (f"digest_{size}_digests", str(queued), "digests"),
        (f"digest_{size}_time", f"{elapsed:.2f}", "s"),
        (f"digest_{size}_cpu_time", f"{cpu:.2f}", "s"),
        (f"digest_{size}_per_recipient", f"{elapsed / size * 1000:.2f}", "ms"),
        (f"digest_{size}_queries", str(len(queries)), "queries"),
        (f"digest_{size}_queries_per_batch", f"{len(queries) / batches:.1f}", "queries"),
        (f"digest_{size}_peak_memory", f"{peak / 2**20:.1f}", "MiB"),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
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
        try:
            call_command("migrate", verbosity=0)
            now = datetime.datetime(2026, 12, 7, 9, tzinfo=datetime.UTC)
            print(f"# database: {django.db.connection.vendor}", file=sys.stderr)
            for size in sizes:
                for name, value, unit in measure(size, now):
                    print(f"{name}\t{value}\t{unit}", flush=True)
        finally:
            drop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
