"""The monitor's expensive parts are cached under the version of the "recommendations" scope of
the core page cache (`wijkportaal.core.pagecache`): every write that changes what the public
pages show bumps it (services, admin saves, the shell), so stale data never lingers and nothing
has to enumerate old keys."""

from __future__ import annotations

from django.core.cache import cache

from wijkportaal.core import pagecache

SCOPE = "recommendations"
TIMEOUT = 60 * 60  # an hour: a safety net, invalidation does the real work


def monitor_version() -> str:
    return pagecache.version(SCOPE)


def monitor_key(*parts: object) -> str:
    return ":".join(["recommendations:monitor", monitor_version(), *map(str, parts)])


def monitor_cache_invalidate() -> None:
    """Forget the cached monitor now and again after commit (a request that rebuilt the cache
    from pre-commit data in between is thrown away too)."""
    pagecache.bump(SCOPE)


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
