"""Health checks for /gezondheid/: database, cache and broker, each with a short timeout."""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import connection

from wijkportaal.celery import app


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


def run_checks() -> dict[str, dict[str, object]]:
    results = {}
    for name, check in CHECKS.items():
        healthy, detail = check()
        results[name] = {"ok": healthy, "detail": detail}
    return results
