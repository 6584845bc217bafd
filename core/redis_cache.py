"""Django's Redis cache, with one connection pool and one redis-py client per server and process.

Django keeps a cache object per thread and per asynchronous context, and each builds its own
connection pool: under daphne every request runs in a context of its own, so every request
opened a new connection to Redis (connect, handshake, health check: about a tenth of the
online contest's server CPU in a profile) and built a new `redis.Redis` for each operation,
which costs more CPU than the GET it then sends. Here every cache object of the process shares
one pool and one client per server (both are thread-safe, and redis-py's pool reconnects after
a fork).
"""
import threading

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

_clients = {}
_lock = threading.Lock()


class SharedPoolRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        server = self._servers[self._get_connection_pool_index(write)]
        shared = (server, repr(sorted(self._pool_options.items())))
        client = _clients.get(shared)
        if client is None:
            with _lock:
                client = _clients.get(shared)
                if client is None:
                    pool = self._pool_class.from_url(server, **self._pool_options)
                    client = _clients[shared] = self._client(connection_pool=pool)
        return client


class SharedPoolRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedPoolRedisCacheClient
