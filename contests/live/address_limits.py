"""Limits per client address, for pages and sockets alike: wrong guesses of a secret (a game PIN,
a team's access code) and joins of one game. Counted in the shared cache (the database cache on
the embedded default, Redis with REDIS_URL), so a limit holds across every daphne process.

The address is the one allauth's login rate limits use (`ALLAUTH_TRUSTED_PROXY_COUNT` /
`ALLAUTH_TRUSTED_CLIENT_IP_HEADER` in the settings): behind the reverse proxy of docs/deploy.md,
the X-Forwarded-For entry nginx appended, never one the client wrote itself.
"""
from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

UNKNOWN_ADDRESS = "unknown"  # every client whose address cannot be told shares one counter


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


class AddressCounter:
    """How many times each address did something, within `window_seconds` of the first time."""

    def __init__(self, name, window_seconds):
        self.name = name
        self.window_seconds = window_seconds

    def _key(self, address, scope):
        return f"{self.name}:{scope}:{address}" if scope is not None else f"{self.name}:{address}"

    def count(self, address, scope=None):
        return cache.get(self._key(address, scope)) or 0

    def add(self, address, scope=None):
        key = self._key(address, scope)
        if not cache.add(key, 1, self.window_seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, self.window_seconds)


class GuessLimit:
    """Wrong guesses of a secret: past `max_failures` within the window, an address is refused
    every lookup, even of a right secret, until the window from its first failure ends."""

    def __init__(self, name, max_failures, window_seconds):
        self.max_failures = max_failures
        self.failures = AddressCounter(name, window_seconds)

    @property
    def window_minutes(self):
        return self.failures.window_seconds // 60

    def is_blocked(self, address):
        return self.failures.count(address) >= self.max_failures

    def record_failure(self, address):
        self.failures.add(address)
