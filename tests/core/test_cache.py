"""The Redis cache degrades to an empty cache when Redis cannot be reached."""

import socket

from wijkportaal.core.cache import FaultTolerantRedisCache


def unreachable_cache():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return FaultTolerantRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}},
    )


def test_a_dead_redis_reads_as_misses_and_drops_writes():
    cache = unreachable_cache()
    assert cache.get("key") is None
    assert cache.get("key", "standaard") == "standaard"
    cache.set("key", "value")
    assert cache.add("key", "value") is True  # like an empty cache
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("key") is False
    assert cache.delete("key") is False
    cache.set_many({"a": 1})
    cache.delete_many(["a"])
    assert cache.incr("counter") is None
    cache.clear()
