"""Test sender: every code sent is kept in `outbox` as (phone, code), newest last, and the newest
code of each number also in the cache, so a test can read codes sent by a server process."""
from django.core.cache import cache

outbox = []
CACHE_SECONDS = 600


def cache_key(phone):
    return f"accounts:sms-test-sender:{phone}"


def last_code(phone):
    """The newest code sent to `phone` (by this process or through the shared cache), or None."""
    for sent_phone, code in reversed(outbox):
        if sent_phone == phone:
            return code
    return cache.get(cache_key(phone))


class MemorySender:
    def send_code(self, phone, code):
        outbox.append((phone, code))
        cache.set(cache_key(phone), code, CACHE_SECONDS)
