"""Health checks for /gezondheid/ and `manage.py check_health`: database, cache and broker
(each with a short timeout), the background processes (the heartbeats of Celery beat and a
worker, see heartbeat.py) and what the parts above the core register as `HealthCheck`
plugins (the outbox: the age of the oldest unsent message).

Unhealthy (503) when any check fails: among them beat has not ticked for
HEALTH_BEAT_STALE_AFTER (15 minutes), no worker ran the heartbeat task for
HEALTH_WORKER_STALE_AFTER (15 minutes), or the oldest unsent mail is older than
HEALTH_MAIL_STUCK_AFTER (30 minutes, checked by the outbox's plugin)."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from wijkportaal.celery import app

from .heartbeat import BEAT, WORKER, heartbeats
from .registry import HealthCheck, registry


def check_database() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "not healthy"
        return False, exc.__class__.__name__
    return True, "ok"


def check_cache() -> tuple[bool, str]:
    key = f"health-{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", 10)
        value = cache.get(key)
        cache.delete(key)
    except Exception as exc:  # noqa: BLE001
        return False, exc.__class__.__name__
    if value != "1":
        return False, "read-back failed"
    return True, "ok"


def check_broker() -> tuple[bool, str]:
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=1)
    except Exception as exc:  # noqa: BLE001
        return False, exc.__class__.__name__
    return True, "ok"


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


def stale_after(name: str) -> datetime.timedelta:
    minutes = {
        "beat": settings.HEALTH_BEAT_STALE_AFTER,
        "worker": settings.HEALTH_WORKER_STALE_AFTER,
    }
    return datetime.timedelta(minutes=minutes[name])


def heartbeat_result(
    name: str, seen: datetime.datetime | None, now: datetime.datetime
) -> dict[str, object]:
    limit = stale_after(name)
    if seen is None:
        return {"ok": False, "detail": "never seen", "last_seen": None, "age_seconds": None}
    age = max(now - seen, datetime.timedelta(0))
    return {
        "ok": age <= limit,
        "detail": "ok" if age <= limit else f"silent for more than {limit.seconds // 60} minutes",
        "last_seen": seen.isoformat(),
        "age_seconds": int(age.total_seconds()),
    }


def run_checks(now: datetime.datetime | None = None) -> dict[str, dict[str, object]]:
    now = now or timezone.now()
    results: dict[str, dict[str, object]] = {}
    for name, check in CHECKS.items():
        healthy, detail = check()
        results[name] = {"ok": healthy, "detail": detail}
    plugins = registry.all(HealthCheck)
    if not results["database"]["ok"]:
        for name in ["beat", "worker", *(plugin.key for plugin in plugins)]:
            results[name] = {"ok": False, "detail": "database unavailable"}
        return results
    try:
        seen = heartbeats()
    except Exception as exc:  # noqa: BLE001 - e.g. not migrated: unhealthy, not a 500
        seen = None
        failure = {"ok": False, "detail": exc.__class__.__name__}
        results["beat"] = results["worker"] = failure
    if seen is not None:
        results["beat"] = heartbeat_result("beat", seen.get(BEAT), now)
        results["worker"] = heartbeat_result("worker", seen.get(WORKER), now)
    for plugin in plugins:
        try:
            results[plugin.key] = plugin.check(now)
        except Exception as exc:  # noqa: BLE001
            results[plugin.key] = {"ok": False, "detail": exc.__class__.__name__}
    return results


def healthy(results: dict[str, dict[str, object]]) -> bool:
    return all(result["ok"] for result in results.values())
