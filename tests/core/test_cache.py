"""The Redis cache answers as an empty cache while Redis is unreachable; the rate limits then fail open."""

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from core import ratelimit
from tests.smtpserver import free_port


@pytest.fixture
def unreachable_cache(settings):
    """The default cache pointed at a port where nothing listens: no Redis server is needed for this."""
    settings.CACHES = {"default": {
        "BACKEND": "core.cache.DegradingRedisCache", "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }}
    return caches["default"]


def test_an_unreachable_redis_reads_as_an_empty_cache_and_drops_writes(unreachable_cache):
    cache = unreachable_cache
    assert cache.get("k", "standaard") == "standaard"
    assert cache.set("k", 1) is None
    assert cache.add("k", 1) is True
    assert cache.get_many(["k", "l"]) == {}
    assert cache.has_key("k") is False
    assert cache.touch("k") is False
    assert cache.delete("k") is False
    assert cache.set_many({"k": 1, "l": 2}) == ["k", "l"]
    assert cache.delete_many(["k", "l"]) is None
    assert cache.clear() is False
    assert cache.get_or_set("k", "nieuw") == "nieuw"
    with pytest.raises(ValueError, match="unreachable"):
        cache.incr("k")


def test_rate_limits_fail_open_while_redis_is_unreachable(unreachable_cache):
    request = RequestFactory().post("/over/", REMOTE_ADDR="192.0.2.7")
    assert [ratelimit.allow(request, "help-request", limit=2, period=60) for _ in range(5)] == [True] * 5


def test_one_redis_client_serves_every_call(unreachable_cache):
    """Django's client would build a new redis.Redis (and its callback table) per call: a page cache hit pays that."""
    client = unreachable_cache._cache.get_client()
    assert unreachable_cache._cache.get_client(write=True) is client
    assert unreachable_cache._cache.get_client("een-sleutel") is client
    assert client.connection_pool is unreachable_cache._cache._get_connection_pool(write=False)
