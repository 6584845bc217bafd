"""Rate limit on PIN guessing: failed lookups (unknown PIN) are counted per client address
(contests/live/address_limits.py, shared by every daphne process). Past the limit, an address is
refused every PIN lookup, even of an existing game, until the window ends.

At a consultation day hundreds of phones may share one public address (a carrier's NAT), so a
few mistyped PINs in the crowd must not lock everyone out. A browser that has shown it knows a
PIN is never refused that game: it holds a pass, a signed cookie listing the PINs it reached
(set on every page of a game it looked up successfully), which pages and sockets both read. The
QR code's link carries a key derived from the PIN with the secret key, so scanning it gets the
page and the pass even from a blocked address. Neither counts as a guess.
"""
from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from contests.live.address_limits import GuessLimit

from .models import PublicGame

# 10 unknown PINs an address may try within 600 seconds from its first failure.
PIN_GUESSES = GuessLimit("games:pin-failures", max_failures=10, window_seconds=600)
PASS_COOKIE = "game_pass"
PASS_SECONDS = 24 * 3600
PASS_PINS = 5  # the most recent games a browser keeps a pass for
QR_KEY_PARAMETER = "k"


class TooManyAttempts(Exception):
    """The address is past the limit: it may look up no PIN until the window ends."""


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
    if not passed and PIN_GUESSES.is_blocked(address):
        raise TooManyAttempts
    game = PublicGame.objects.filter(pin=pin).first()
    if game is None and not passed:
        PIN_GUESSES.record_failure(address)
    return game
