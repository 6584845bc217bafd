"""core.redis_cache: Django's Redis cache with one pool and client per server, shared by the
cache objects of every thread and context."""
from concurrent.futures import ThreadPoolExecutor

from core.redis_cache import SharedPoolRedisCache


def test_every_cache_object_and_thread_shares_one_client_and_its_connections(private_redis):
    def cache():
        return SharedPoolRedisCache(private_redis.url, {"KEY_PREFIX": "t"})  # as Django makes per thread

    client = cache()._cache.get_client()
    assert cache()._cache.get_client("any key", write=True) is client

    def round_trip(number):
        one = cache()
        one.set(f"key{number}", {"n": number, "text": "塘下"})
        return one.get(f"key{number}")

    with ThreadPoolExecutor(8) as threads:
        results = list(threads.map(round_trip, range(200)))
    assert results == [{"n": number, "text": "塘下"} for number in range(200)]
    assert cache().add("count", 1) and cache().incr("count") == 2
    # 200 cache objects made at most one connection per thread, not one each
    assert client.connection_pool._created_connections <= 9
