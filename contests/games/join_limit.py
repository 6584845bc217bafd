"""How many players one client address may add to one game, so a script cannot fill a game with
fake players (and win its lucky draw). Hundreds of real phones may share one carrier address: a
browser holding the game's pass (pin_guard: the QR code or a page of the game set it) gets the
higher limit. Both limits are settings; joins are counted for as long as a pass lasts."""
from django.conf import settings

from contests.live.address_limits import AddressCounter

from .pin_guard import PASS_SECONDS

JOINS = AddressCounter("games:joins", window_seconds=PASS_SECONDS)


def limit(passed):
    return settings.GAME_JOINS_PER_ADDRESS_WITH_PASS if passed else settings.GAME_JOINS_PER_ADDRESS


def counts(game_id, addresses):
    """{address: players it added to the game so far} (joins.py checks a batch against the limits)."""
    return JOINS.counts(addresses, game_id)


def record_joins(game_id, added):
    """Count the players each address added: {address: how many}."""
    for address, times in added.items():
        JOINS.add(address, game_id, times)
