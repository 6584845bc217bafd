"""Sign-in codes per client address, counted without a lock.

allauth's rate limits keep a list of timestamps per key and take a cache lock around reading and
writing it; a request that cannot get the lock within one second is refused as if over the limit
(allauth/core/internal/ratelimit.py). Per phone number that is harmless, but every phone behind
one carrier address (a crowd on the same mobile network, a school's or a company's exit) shares
the per-address key: under a burst they queue on its lock and some get "too many attempts" while
far below the limit. So the per-address rates of SMS_CODE_RATE_LIMITS (all but those ending in
/key; settings.SMS_CODE_RATE_LIMITS_PER_ADDRESS) are counted here, in fixed windows with the shared cache's atomic `add` and `incr`, and allauth keeps
only the per-number ones (settings). A window lets through at most twice its amount across its
boundary, which is what a fixed window trades for needing no lock.
"""
import time

from allauth.account.adapter import get_adapter
from allauth.core.internal.ratelimit import parse_rates
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

UNKNOWN_ADDRESS = "unknown"


def client_address(request):
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:  # no trustworthy address: every such client shares one counter
        return UNKNOWN_ADDRESS


def consume(request, action, rates):
    """Count one `action` for the request's address against each rate ("20/m/ip,200/h/ip"); False
    when any is exceeded (the attempt is still counted, as allauth counts refused ones)."""
    address = client_address(request)
    allowed = True
    for rate in parse_rates(rates):
        window = int(time.time() // rate.duration)
        key = f"accounts:limit:{action}:{rate}:{address}:{window}"
        if cache.add(key, 1, int(rate.duration) + 1):
            count = 1
        else:
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, int(rate.duration) + 1)
                count = 1
        allowed = allowed and count <= rate.amount
    return allowed
