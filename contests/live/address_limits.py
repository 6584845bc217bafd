"""Limits per client address, for pages and sockets alike: wrong guesses of a secret (a game PIN,
a team's access code) and joins of one game. Counted in the shared cache (the database cache on
the embedded default, Redis with REDIS_URL), so a limit holds across every daphne process.

The address is the one allauth's login rate limits use (`ALLAUTH_TRUSTED_PROXY_COUNT` /
`ALLAUTH_TRUSTED_CLIENT_IP_HEADER` in the settings): behind the reverse proxy of docs/deploy.md,
the X-Forwarded-For entry nginx appended, never one the client wrote itself.
"""
import functools

from allauth import app_settings as allauth_settings
from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core import signing
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
    """The client address of a socket, read the same way as a page's.

    allauth's `get_client_ip` reads one header (ALLAUTH_TRUSTED_CLIENT_IP_HEADER, or else
    X-Forwarded-For with ALLAUTH_TRUSTED_PROXY_COUNT) and the peer's address: the answer for a
    combination of those is worked out once, on a request holding just them, and kept. A QR
    storm's phones behind one carrier address cost one lookup, not a request each (about 35 µs
    of the event loop per phone, docs/performance.md)."""
    header = allauth_settings.TRUSTED_CLIENT_IP_HEADER or "X-Forwarded-For"
    wanted = header.lower().encode("latin1")
    value = None
    for name, header_value in scope.get("headers", ()):
        if name.lower() == wanted:
            value = header_value.decode("latin1")
    client = scope["client"][0] if scope.get("client") else None
    return _address(client, header, value, allauth_settings.TRUSTED_PROXY_COUNT)


@functools.lru_cache(maxsize=4096)
def _address(client, header, value, proxy_count):
    # The header and the proxy count are in the key: a change of settings is a new answer.
    request = HttpRequest()
    if value is not None:
        request.META["HTTP_" + header.upper().replace("-", "_")] = value
    if client:
        request.META["REMOTE_ADDR"] = client
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

    def counts(self, addresses, scope=None):
        """{address: count} for many addresses, in one trip to the cache."""
        keys = {self._key(address, scope): address for address in addresses}
        found = cache.get_many(keys)
        return {address: found.get(key) or 0 for key, address in keys.items()}

    def add(self, address, scope=None, times=1):
        key = self._key(address, scope)
        if not cache.add(key, times, self.window_seconds):
            try:
                cache.incr(key, times)
            except ValueError:  # expired between add and incr
                cache.add(key, times, self.window_seconds)


class TooManyAttempts(Exception):
    """The address is past the limit: it may look up no secret of this kind until the window ends."""


class GuessGuard:
    """Wrong guesses of a secret: past `max_failures` within the window, an address is refused
    every lookup, even of a right secret, until the window from its first failure ends.

    Many clients may share one address (a carrier's NAT, a venue's Wi-Fi), so a browser that has
    shown it knows a secret is never refused it: it holds a pass, a signed cookie `pass_cookie`
    listing the secrets it reached (its newest `PASS_SIZE`, for `PASS_SECONDS`), which pages and
    sockets both read. A lookup with a pass is neither checked nor counted.
    """

    PASS_SECONDS = 24 * 3600
    PASS_SIZE = 5

    def __init__(self, name, max_failures, window_seconds, pass_cookie):
        self.max_failures = max_failures
        self.failures = AddressCounter(name, window_seconds)
        self.pass_cookie = pass_cookie

    @property
    def window_minutes(self):
        return self.failures.window_seconds // 60

    def is_blocked(self, address):
        return self.failures.count(address) >= self.max_failures

    def find(self, secret, address, lookup, passed=False):
        """`lookup(secret)`, or None, counted as a failed guess of `address`; raises
        TooManyAttempts for an address past the limit, whatever the secret, unless `passed`."""
        if not passed and self.is_blocked(address):
            raise TooManyAttempts
        found = lookup(secret)
        if found is None and not passed:
            self.failures.add(address)
        return found

    def find_many(self, requests, lookup_many):
        """`find` for many `(secret, address, passed)` requests at once (sockets connecting
        together): per request what was found, None (a failed guess) or a TooManyAttempts
        instance. `lookup_many(secrets)` returns {secret: object} of the secrets that exist; the
        addresses' failures are read in one trip to the cache."""
        failures = self.failures.counts({address for _, address, passed in requests if not passed})
        found = lookup_many({secret for secret, address, passed in requests if passed or failures[address] < self.max_failures})
        results = []
        for secret, address, passed in requests:
            if not passed and failures[address] >= self.max_failures:
                results.append(TooManyAttempts())
                continue
            result = found.get(secret)
            if result is None and not passed:
                self.failures.add(address)
                failures[address] += 1
            results.append(result)
        return results

    def _signer(self):
        return signing.get_cookie_signer(salt=self.pass_cookie)

    def passes(self, cookies):
        """The secrets a browser's pass lists (none if it is missing, forged or expired); works
        for a request's COOKIES and a socket scope's `cookies` alike."""
        try:
            value = self._signer().unsign(cookies.get(self.pass_cookie, ""), max_age=self.PASS_SECONDS)
        except signing.BadSignature:
            return []
        return value.split(",")

    def grant(self, response, cookies, secret):
        """Add `secret` to the browser's pass."""
        held = [held_secret for held_secret in self.passes(cookies) if held_secret != secret]
        response.set_cookie(
            self.pass_cookie, self._signer().sign(",".join([*held[-(self.PASS_SIZE - 1):], secret])),
            max_age=self.PASS_SECONDS, httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
        )
