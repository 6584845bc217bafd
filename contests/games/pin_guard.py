"""Rate limit on PIN guessing: failed lookups (unknown PIN) are counted per client address in the
shared cache (the database cache on the embedded default, Redis with REDIS_URL), so the limit
holds across every daphne process. Past the limit, an address is refused every PIN lookup, even
of an existing game, until the window ends.

The address is the one allauth's login rate limits use (`ALLAUTH_TRUSTED_PROXY_COUNT` /
`ALLAUTH_TRUSTED_CLIENT_IP_HEADER` in the settings): behind the reverse proxy of docs/deploy.md,
the X-Forwarded-For entry nginx appended, never one the client wrote itself.
"""
from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from .models import PublicGame

MAX_FAILURES = 10  # unknown PINs an address may try ...
WINDOW_SECONDS = 600  # ... within this many seconds from its first failure
UNKNOWN_ADDRESS = "unknown"  # every client whose address cannot be told shares one counter


class TooManyAttempts(Exception):
    """The address is past the limit: it may look up no PIN until the window ends."""


def request_address(request):
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return UNKNOWN_ADDRESS


def scope_address(scope):
    """The client address of a socket, read the same way as a page's: its scope as a request."""
    request = HttpRequest()
    for name, value in scope.get("headers", ()):
        key = name.decode("latin1").upper().replace("-", "_")
        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = "HTTP_" + key
        request.META[key] = value.decode("latin1")
    if scope.get("client"):
        request.META["REMOTE_ADDR"] = scope["client"][0]
    return request_address(request)


def _key(address):
    return f"games:pin-failures:{address}"


def is_blocked(address):
    return (cache.get(_key(address)) or 0) >= MAX_FAILURES


def record_failure(address):
    """Count one lookup of an unknown PIN; the window starts at the first failure."""
    key = _key(address)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW_SECONDS)


def find_game(pin, address):
    """The game with this PIN, or None, counted as a failed guess of `address`; raises
    TooManyAttempts for an address past the limit, whatever the PIN."""
    if is_blocked(address):
        raise TooManyAttempts
    game = PublicGame.objects.filter(pin=pin).first()
    if game is None:
        record_failure(address)
    return game
