"""A Redis cache that degrades to misses when Redis is down.

Django's RedisCache raises redis.ConnectionError on every call while the server is away, which
would turn a cache outage into a site outage. This backend logs the failure (at most once per
ten seconds) and behaves like an empty cache: reads miss, writes are dropped. The socket
timeouts in settings keep each failed call short. /gezondheid/ still reports the cache as
unhealthy (its write-then-read check reads back nothing). While Redis is away, allauth's
login rate limits pause (see SECURITY.md).

Django's Redis client builds a new `redis.Redis` object for every cache call (with its table of
some 170 response callbacks: about 50 µs, as much as a cache hit's own round trip). This backend
keeps one per connection pool; a `redis.Redis` is safe to share between threads (each command
takes its own connection from the pool)."""

from __future__ import annotations

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

FAILURES = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
_last_logged = 0.0


def _degrade(fallback):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except FAILURES as error:
                global _last_logged
                now = time.monotonic()
                if now - _last_logged > 10:
                    _last_logged = now
                    logger.warning("Cache onbereikbaar (%s); verder zonder cache.", error)
                return fallback(*args, **kwargs) if callable(fallback) else fallback

        return wrapper

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


class ReusingRedisCacheClient(RedisCacheClient):
    """One `redis.Redis` per connection pool instead of one per call."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class FaultTolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    get = _degrade(_default)(RedisCache.get)
    set = _degrade(None)(RedisCache.set)
    # An empty cache accepts every add. allauth's rate-limit lock relies on add(): answering
    # False would lock everyone out of logging in during an outage (rate limits pause instead).
    add = _degrade(True)(RedisCache.add)
    touch = _degrade(False)(RedisCache.touch)
    delete = _degrade(False)(RedisCache.delete)
    has_key = _degrade(False)(RedisCache.has_key)
    get_many = _degrade(lambda *a, **k: {})(RedisCache.get_many)
    set_many = _degrade(lambda *a, **k: [])(RedisCache.set_many)
    delete_many = _degrade(None)(RedisCache.delete_many)
    clear = _degrade(False)(RedisCache.clear)

    @_degrade(None)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)
