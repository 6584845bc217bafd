"""Rate limit on PIN guessing: failed lookups (unknown PIN) are counted per client address in the
shared cache (the database cache on the embedded default, Redis with REDIS_URL), so the limit
holds across every daphne process. Past the limit, an address is refused every PIN lookup, even
of an existing game, until the window ends.

The address is the one allauth's login rate limits use (`ALLAUTH_TRUSTED_PROXY_COUNT` /
`ALLAUTH_TRUSTED_CLIENT_IP_HEADER` in the settings): behind the reverse proxy of docs/deploy.md,
the X-Forwarded-For entry nginx appended, never one the client wrote itself.

At a consultation day hundreds of phones may share one public address (a carrier's NAT), so a
few mistyped PINs in the crowd must not lock everyone out. A browser that has shown it knows a
PIN is never refused that game: it holds a pass, a signed cookie listing the PINs it reached
(set on every page of a game it looked up successfully), which pages and sockets both read. The
QR code's link carries a key derived from the PIN with the secret key, so scanning it gets the
page and the pass even from a blocked address. Neither counts as a guess.
"""
from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import PublicGame

MAX_FAILURES = 10  # unknown PINs an address may try ...
WINDOW_SECONDS = 600  # ... within this many seconds from its first failure
UNKNOWN_ADDRESS = "unknown"  # every client whose address cannot be told shares one counter
PASS_COOKIE = "game_pass"
PASS_SECONDS = 24 * 3600
PASS_PINS = 5  # the most recent games a browser keeps a pass for
QR_KEY_PARAMETER = "k"


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


def qr_key(pin):
    return salted_hmac("games.qr-key", pin).hexdigest()[:16]


def is_qr_key(pin, key):
    return bool(key) and constant_time_compare(qr_key(pin), key)


def _pass_signer():
    return signing.get_cookie_signer(salt=PASS_COOKIE)


def passes(cookies):
    """The PINs a browser's pass cookie lists (none if it is missing, forged or expired); works
    for a request's COOKIES and a socket scope's `cookies` alike."""
    try:
        value = _pass_signer().unsign(cookies.get(PASS_COOKIE, ""), max_age=PASS_SECONDS)
    except signing.BadSignature:
        return []
    return value.split(",")


def grant(response, cookies, pin):
    """Add `pin` to the browser's pass (kept for a day, the newest PASS_PINS games)."""
    held = [held_pin for held_pin in passes(cookies) if held_pin != pin]
    response.set_cookie(
        PASS_COOKIE, _pass_signer().sign(",".join([*held[-(PASS_PINS - 1):], pin])), max_age=PASS_SECONDS,
        httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
    )


def find_game(pin, address, passed=False):
    """The game with this PIN, or None, counted as a failed guess of `address`; raises
    TooManyAttempts for an address past the limit, whatever the PIN, unless `passed` (the
    browser holds a pass or the QR key for this PIN): then nothing is checked or counted."""
    if not passed and is_blocked(address):
        raise TooManyAttempts
    game = PublicGame.objects.filter(pin=pin).first()
    if game is None and not passed:
        record_failure(address)
    return game
