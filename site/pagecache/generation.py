"""The page cache's generation: a token in the shared cache that every change to published
content replaces, so every page cached before it is out at once (keys carry the token).

Each process keeps the token it read and reads it again at most every `RECHECK_SECONDS`: a hit
costs no trip to the shared cache (the database on the embedded default). The process that made
the change sees the new token at once; the others within `RECHECK_SECONDS`. When the shared
cache cannot be read, there is no token and nothing is cached or served from the cache.
"""
import logging
import secrets
import time

from django.core.cache import cache

KEY = "pagecache:generation"
RECHECK_SECONDS = 1.0

logger = logging.getLogger(__name__)
_local = {"token": None, "read_at": 0.0}


def current():
    """The token to key pages with, or None: then pages are neither cached nor served from it."""
    now = time.monotonic()
    if _local["token"] is None or now - _local["read_at"] >= RECHECK_SECONDS:
        try:
            token = cache.get(KEY)
            if token is None:
                token = secrets.token_hex(8)
                if not cache.add(KEY, token, None):
                    token = cache.get(KEY)
        except Exception:  # the shared cache is unreachable (or not created yet): no page cache
            logger.warning("page cache off: its generation cannot be read", exc_info=True)
            _local.update(token=None, read_at=now)
            return None
        _local.update(token=token, read_at=now)
    return _local["token"]


def bump():
    """Retire every cached page (in this process now, in the others within RECHECK_SECONDS)."""
    token = secrets.token_hex(8)
    _local.update(token=token, read_at=time.monotonic())
    try:
        cache.set(KEY, token, None)
    except Exception:  # the change itself is saved; other processes' copies age out instead
        logger.exception("page cache: other processes keep their pages up to PAGE_CACHE_SECONDS")
