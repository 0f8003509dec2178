"""The monitor's expensive parts are cached under a version key; every write that changes what
the public pages show bumps the version (services and admin saves), so stale data never lingers
and nothing has to enumerate old keys."""

from __future__ import annotations

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "recommendations:monitor:version"
TIMEOUT = 60 * 60  # an hour: a safety net, invalidation does the real work


# Production may keep the version in process memory for a moment
# (RECOMMENDATIONS_MONITOR_VERSION_TTL seconds, 0 = always ask the shared cache): a change made
# in this process is seen at once, one made in another worker within that moment.
_version: tuple[str, float] | None = None


def monitor_version() -> str:
    global _version
    ttl = getattr(settings, "RECOMMENDATIONS_MONITOR_VERSION_TTL", 0)
    if ttl and _version is not None and _version[1] > time.monotonic():
        return _version[0]
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY) or version
    if ttl:
        _version = (version, time.monotonic() + ttl)
    return version


def monitor_key(*parts: object) -> str:
    return ":".join(["recommendations:monitor", monitor_version(), *map(str, parts)])


def _bump() -> None:
    global _version
    _version = None
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def monitor_cache_invalidate() -> None:
    """Forget the cached monitor now and again after commit (a request that rebuilt the cache
    from pre-commit data in between is thrown away too)."""
    _bump()
    transaction.on_commit(_bump)


# Rendered fragments are also kept in this process's memory under their versioned key: a warm
# request then asks the shared cache only for the (tiny) version, not for the whole fragment.
_local: dict[str, str | bytes] = {}
_LOCAL_MAX = 64


def cached_fragment(key: str, build) -> str | bytes:
    """The fragment under `key` (a monitor_key), from process memory, the shared cache, or
    `build()` — in that order."""
    fragment = _local.get(key)
    if fragment is not None:
        return fragment
    fragment = cache.get(key)
    if fragment is None:
        fragment = build()
        cache.set(key, fragment, TIMEOUT)
    if len(_local) >= _LOCAL_MAX:
        _local.clear()
    _local[key] = fragment
    return fragment
