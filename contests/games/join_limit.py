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


def may_join(game_id, address, passed):
    return JOINS.count(address, game_id) < limit(passed)


def record_join(game_id, address):
    JOINS.add(address, game_id)
