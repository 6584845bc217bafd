"""Hostile text on the real sockets (contests/live/messages.py): lone surrogates, NaN and Infinity,
overflowed numbers, deep nesting and huge integers are refused at decode with a typed error that
echoes the ref; nothing is stored, the socket stays open and every frame sent is strict JSON."""
import json

import pytest
from asgiref.sync import sync_to_async

from contests.games.models import LuckyDraw, Player, Prize
from contests.live.messages import MAX_DEPTH, encode
from contests.interunit.models import ScoreEvent
from tests.interunit.conftest import contest  # noqa: F401 (fixture)
from tests.interunit.test_consumers import seats, step
from tests.games.conftest import connect, game, receive, receive_until  # noqa: F401 (the game fixture)
from tests.games.test_consumers import host_of, join

pytestmark = pytest.mark.django_db(transaction=True)


def _refuse(name):
    raise AssertionError(f"the server sent {name}, which is not JSON")


def strict(text):
    """Parse a frame the server sent, failing on anything but strict JSON."""
    return json.loads(text, parse_constant=_refuse)


async def reply(communicator, text):
    await communicator.send_to(text_data=text)
    return strict(await communicator.receive_from(timeout=5))


async def still_open(communicator):
    assert (await reply(communicator, '{"type": "clock.ping", "client_time": 5}'))["type"] == "clock.pong"


def frame(**fields):
    return json.dumps(fields)  # ensure_ascii: a lone surrogate goes out as its \\uXXXX escape


async def test_lone_surrogates_in_any_string_are_bad_message_and_nothing_is_stored(game):
    phone = await connect(f"/ws/games/{game.pin}/play/")
    await receive(phone)
    cases = [
        (frame(type="player.join", nickname="小\ud800明", ref="s1"), "s1"),
        (frame(type="player.join", nickname="小明", phone="1380013\udfff", ref=2), 2),
        (frame(type="player.join", nickname="小明", ref="\ud800"), None),  # an unusable ref is not echoed
        (frame(type="player.join", **{"nick\ud800": "x"}, nickname="小明", ref="s4"), "s4"),
        (frame(type="clock.ping", client_time="\ud800", ref="s5"), "s5"),
        (frame(type="\ud800", ref="s6"), "s6"),
    ]
    for text, ref in cases:
        error = await reply(phone, text)
        assert (error["type"], error["code"], error.get("ref")) == ("error", "bad_message", ref), text
    await still_open(phone)
    host = await host_of(game)
    error = await reply(host, frame(type="host.redeem", code="AB\ud800", ref="r"))
    assert (error["code"], error["ref"]) == ("bad_message", "r")
    assert await sync_to_async(Player.objects.count)() == 0
    await still_open(phone)


async def test_a_lone_surrogate_in_an_adjust_reason_scores_nothing(contest):
    host, _, _, teams = await seats(contest)
    await step(host, [], "host.start")
    await host.communicator.send_to(text_data=frame(type="host.adjust", team=teams[0].pk, delta=5, reason="\ud800", ref="a"))
    error = await host.until(lambda f: f["type"] == "error")
    assert (error["code"], error["ref"]) == ("bad_message", "a")
    assert await sync_to_async(ScoreEvent.objects.count)() == 0


async def test_nan_infinity_and_overflowed_numbers_are_refused_and_no_frame_is_not_json(game):
    phone = await connect(f"/ws/games/{game.pin}/play/")
    strict(await phone.receive_from(timeout=5))
    for number in ("NaN", "Infinity", "-Infinity", "1e999", "-1e999"):
        error = await reply(phone, '{"type": "clock.ping", "ref": "n", "client_time": %s}' % number)
        assert (error["code"], error["ref"]) == ("bad_message", "n"), number
        error = await reply(phone, '{"type": "player.join", "nickname": "x", "ref": 3, "extra": [%s]}' % number)
        assert (error["code"], error["ref"]) == ("bad_message", 3), number
    for client_time in (1.5, -1, 2**53, 10**30, True):
        error = await reply(phone, frame(type="clock.ping", client_time=client_time, ref="t"))
        assert (error["code"], error["ref"]) == ("bad_message", "t"), client_time
    assert (await reply(phone, frame(type="clock.ping", client_time=2**53 - 1)))["client_time"] == 2**53 - 1
    with pytest.raises(ValueError):
        encode({"type": "state", "score": float("nan")})  # the server never sends NaN either
    assert await sync_to_async(Player.objects.count)() == 0


async def test_nesting_deeper_than_the_limit_is_bad_message_with_its_ref(game):
    phone = await connect(f"/ws/games/{game.pin}/play/")
    await receive(phone)

    def nested(levels):  # the message object is level 1; `extra` adds levels - 1
        return '{"type": "clock.ping", "client_time": 1, "ref": "d", "extra": ' + "[" * (levels - 1) + "]" * (levels - 1) + "}"

    assert (await reply(phone, nested(MAX_DEPTH)))["type"] == "clock.pong"  # unknown fields are ignored
    for levels in (MAX_DEPTH + 1, 100, 500):
        error = await reply(phone, nested(levels))
        assert (error["code"], error["ref"]) == ("bad_message", "d"), levels
    for levels in (960, 3000):  # near or past the parser's own limit: refused alike (the ref if it could be read)
        error = await reply(phone, nested(levels))
        assert error["code"] == "bad_message" and error.get("ref", "d") == "d", levels
    await still_open(phone)


async def test_every_integer_field_is_bounded_and_typed(game):
    host = await host_of(game)
    await join(game, "小明")
    await receive_until(host, "game.joined")
    cases = [
        ({"count": 10**30, "min_correct": 0}, "bad_draw"),
        ({"count": 1, "min_correct": 10**30}, "bad_draw"),
        ({"count": -(10**30), "min_correct": 0}, "bad_draw"),
        ({"count": 0, "min_correct": 0}, "bad_draw"),
        ({"count": "3", "min_correct": 0}, "bad_message"),
        ({"count": 2.0, "min_correct": 0}, "bad_message"),
        ({"count": True, "min_correct": 0}, "bad_message"),
        ({"min_correct": 0}, "bad_message"),
    ]
    for ref, (fields, code) in enumerate(cases):
        error = await reply(host, frame(type="host.draw", ref=ref, **fields))
        assert (error["type"], error["code"], error["ref"]) == ("error", code, ref), fields
    for ref, player in enumerate((10**30, -1, True, 1.0, "1")):
        error = await reply(host, frame(type="host.kick", player=player, ref=ref))
        assert error["code"] in ("unknown_player", "bad_message") and error["ref"] == ref, player
    assert await sync_to_async(LuckyDraw.objects.count)() == 0
    assert await sync_to_async(Prize.objects.count)() == 0
    assert await sync_to_async(Player.objects.filter(kicked=True).count)() == 0
