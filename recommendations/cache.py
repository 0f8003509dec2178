"""The monitor's expensive parts are cached under a version key; every write that changes what
the public pages show bumps the version (services and admin saves), so stale data never lingers
and nothing has to enumerate old keys."""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "recommendations:monitor:version"
TIMEOUT = 60 * 60  # an hour: a safety net, invalidation does the real work


def monitor_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY) or version
    return version


def monitor_key(*parts: object) -> str:
    return ":".join(["recommendations:monitor", monitor_version(), *map(str, parts)])


def _bump() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def monitor_cache_invalidate() -> None:
    """Forget the cached monitor now and again after commit (a request that rebuilt the cache
    from pre-commit data in between is thrown away too)."""
    _bump()
    transaction.on_commit(_bump)
