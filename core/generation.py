"""A generation token in the shared cache that every process watches, for copies kept per process.

A change replaces the token (`bump`); each process re-reads it at most every `recheck_seconds`, so a
hit costs no trip to the shared cache (the database on the embedded default). The process that made
the change sees the new token at once, the others within `recheck_seconds`. When the shared cache
cannot be read there is no token (None): then nothing may be kept or served from copies.
"""
import logging
import secrets
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)


class SharedGeneration:
    def __init__(self, key, on_change=None, recheck_seconds=1.0):
        self.key = key
        self.on_change = on_change or (lambda: None)  # drop the process's copies made under the old token
        self.recheck_seconds = recheck_seconds
        self.token, self.read_at = None, 0.0

    def current(self):
        """The token copies are made under, or None."""
        now = time.monotonic()
        if self.token is None or now - self.read_at >= self.recheck_seconds:
            try:
                token = cache.get(self.key)
                if token is None:
                    token = secrets.token_hex(8)
                    if not cache.add(self.key, token, None):
                        token = cache.get(self.key)
            except Exception:  # the shared cache is unreachable (or not created yet)
                logger.warning("%s: the generation cannot be read, nothing is kept", self.key, exc_info=True)
                self._replace(None, now)
                return None
            self._replace(token, now)
        return self.token

    def bump(self):
        """Retire every process's copies: this one's at once, the others' within recheck_seconds."""
        token = secrets.token_hex(8)
        self._replace(token, time.monotonic())
        try:
            cache.set(self.key, token, None)
        except Exception:  # the change itself is saved; other processes keep their copies a while
            logger.exception("%s: other processes keep their copies", self.key)

    def forget(self):
        """Drop this process's copies and read the token again on the next look."""
        self._replace(None, time.monotonic())

    def _replace(self, token, now):
        if token != self.token:
            self.on_change()
        self.token, self.read_at = token, now
