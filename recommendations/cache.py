"""The monitor's expensive parts (its summary, its rendered body and page) are kept with
`core.pagecache.fragment` under the version of the "recommendations" scope of the page cache:
every write that changes what the public pages show bumps it (services, admin saves, the shell),
so stale data never lingers and nothing has to enumerate old keys."""

from __future__ import annotations

from wijkportaal.core import pagecache

SCOPE = "recommendations"
MONITOR_SCOPES = (SCOPE,)


def monitor_version() -> str:
    return pagecache.version(SCOPE)


def monitor_cache_invalidate() -> None:
    """Forget the cached monitor now and again after commit (a request that rebuilt the cache
    from pre-commit data in between is thrown away too)."""
    pagecache.bump(SCOPE)
