"""Rate limit on PIN guessing (contests/live/address_limits.py: counted per client address, shared
by every daphne process): past the limit, an address is refused every PIN lookup, even of an
existing game, until the window ends.

At a consultation day hundreds of phones may share one public address (a carrier's NAT), so a
few mistyped PINs in the crowd must not lock everyone out. A browser that has shown it knows a
PIN is never refused that game: it holds the pass `game_pass` (set on every page of a game it
looked up successfully), which pages and sockets both read. The QR code's link carries a key
derived from the PIN with the secret key, so scanning it gets the page and the pass even from a
blocked address. Neither counts as a guess.
"""
from django.utils.crypto import constant_time_compare, salted_hmac

from contests.live.address_limits import GuessGuard

from .models import PublicGame

# 10 unknown PINs an address may try within 600 seconds from its first failure.
PIN_GUARD = GuessGuard("games:pin-failures", max_failures=10, window_seconds=600, pass_cookie="game_pass")
PASS_COOKIE = PIN_GUARD.pass_cookie
PASS_SECONDS = PIN_GUARD.PASS_SECONDS
QR_KEY_PARAMETER = "k"
passes = PIN_GUARD.passes
grant = PIN_GUARD.grant


def qr_key(pin):
    return salted_hmac("games.qr-key", pin).hexdigest()[:16]


def is_qr_key(pin, key):
    return bool(key) and constant_time_compare(qr_key(pin), key)


def find_game(pin, address, passed=False):
    """The game with this PIN, or None (a failed guess of `address`); raises TooManyAttempts
    past the limit unless `passed` (the browser holds a pass or the QR key for this PIN)."""
    return PIN_GUARD.find(pin, address, lambda pin: PublicGame.objects.filter(pin=pin).first(), passed)


def find_games(requests):
    """`find_game` for many `(pin, address, passed)` requests in one query (sockets connecting
    together): per request a PublicGame of its own, None or a TooManyAttempts instance."""
    def lookup_many(pins):
        return {game.pin: game for game in PublicGame.objects.filter(pin__in=pins)}

    return [_copy(found) if isinstance(found, PublicGame) else found for found in PIN_GUARD.find_many(requests, lookup_many)]


def _copy(game):
    # What copy.copy does (Django's __getstate__ copies the fields and the model state), without
    # its __reduce__ and reconstruction: half the time, for each of a QR storm's phones.
    clone = PublicGame.__new__(PublicGame)
    clone.__dict__ = game.__getstate__()
    return clone
