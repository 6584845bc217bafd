"""The shared live layer with a tiny game: a counter kept in a row, bumped by the host."""
import asyncio
import json
import threading

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.urls import path

from contests.live.clock import deadline_ms, is_past
from contests.live.consumer import CLOSE_RATE_LIMITED, CLOSE_REFUSED, CLOSE_TOO_LARGE, LiveConsumer, Seat
from contests.live.fanout import broadcast, group_name
from contests.live.messages import MAX_FRAME_BYTES
from contests.live.ratelimit import TokenBucket
from contests.live.schema import Message, Protocol, Text
from contests.live.storage import insert_once
from contests.live.writer import achange_locked, change_locked
from contests.rules.public_game import clean_choice
from contests.rules.refusal import Refusal


def bump(row):
    row.name = f"counter-{int(row.name.split('-')[1]) + 1}"
    row.save(update_fields=["name"])
    return int(row.name.split("-")[1])


class CounterConsumer(LiveConsumer):
    burst = 20
    rate = 1.0
    max_strikes = 3
    protocol = Protocol({"host": (Message("bump"), Message("crash")),
                         "screen": (Message("crash"), Message("choose", choice=Text(8)))})

    async def resolve_seat(self):
        role = self.scope["query_string"].decode().removeprefix("role=")
        if role not in ("host", "screen"):
            raise Refusal("no_seat", "unknown role")
        pk = self.scope["url_route"]["kwargs"]["pk"]
        return Seat(role=role, game=f"counter-{pk}", audiences=("all", role), identity={"pk": pk})

    async def snapshot(self):
        row = await database_sync_to_async(Group.objects.get)(pk=self.seat.identity["pk"])
        count = int(row.name.split("-")[1])
        return {"version": count, "count": count}

    async def msg_bump(self, message):
        count = await achange_locked(Group, self.seat.identity["pk"], bump)
        await broadcast(self.seat.game, {"all": {"type": "bumped", "version": count, "count": count}})

    async def msg_crash(self, message):
        raise RuntimeError("a bug in a handler")

    async def msg_choose(self, message):
        # Rules code raising straight through the handler: no conversion in between.
        clean_choice(message["choice"], ("A", "B"), multiple=False)
        await self.send_frame({"type": "chosen"})


application = URLRouter([path("ws/test/counter/<int:pk>/", CounterConsumer.as_asgi())])


async def join(pk, role):
    communicator = WebsocketCommunicator(application, f"/ws/test/counter/{pk}/?role={role}")
    connected, _ = await communicator.connect(timeout=5)
    assert connected
    return communicator


async def receive(communicator):
    return json.loads(await communicator.receive_from(timeout=5))


@pytest.fixture
def counter(transactional_db):
    return Group.objects.create(name="counter-0")


@pytest.mark.django_db(transaction=True)
async def test_connect_sends_the_snapshot_and_changes_fan_out_to_every_seat(counter):
    host, screen = await join(counter.pk, "host"), await join(counter.pk, "screen")
    for communicator in (host, screen):
        snapshot = await receive(communicator)
        assert (snapshot["type"], snapshot["count"], snapshot["version"]) == ("snapshot", 0, 0)
        assert isinstance(snapshot["server_time"], int)
    await host.send_to(text_data=json.dumps({"type": "bump"}))
    assert (await receive(host))["count"] == 1
    assert (await receive(screen))["count"] == 1
    await screen.send_to(text_data=json.dumps({"type": "snapshot.request"}))
    assert (await receive(screen))["count"] == 1
    await host.disconnect()
    await screen.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_refused_seat_gets_a_typed_error_and_close_code(counter):
    communicator = WebsocketCommunicator(application, f"/ws/test/counter/{counter.pk}/?role=team")
    await communicator.connect(timeout=5)
    assert (await receive(communicator))["code"] == "no_seat"
    closed = await communicator.receive_output(timeout=5)
    assert closed == {"type": "websocket.close", "code": CLOSE_REFUSED, "reason": None} or closed["code"] == CLOSE_REFUSED


@pytest.mark.django_db(transaction=True)
async def test_bad_messages_get_typed_errors_with_ref_and_change_nothing(counter):
    screen = await join(counter.pk, "screen")
    await receive(screen)
    cases = [
        ('{"type": "bump", "ref": "r1"}', "forbidden", "r1"),
        ('{"type": "nope", "ref": 2}', "unknown_type", 2),
        ('{"type": "crash", "ref": "c"}', "internal_error", "c"),
        ('{"type": 5, "ref": "t"}', "bad_message", "t"),
        ('{"ref": -7}', "bad_message", -7),
        ('{"type": "nope", "ref": ["x"]}', "unknown_type", None),  # not a string or integer: not echoed
        ('{"type": "nope", "ref": "%s"}' % ("r" * 65), "unknown_type", None),  # over 64 characters
        ('{"type": "clock.ping", "client_time": "5", "ref": "f"}', "bad_message", "f"),
        ('{"type": "clock.ping", "client_time": 5, "v": 2, "ref": "v"}', "bad_message", "v"),
        ("[]", "bad_message", None),
        ("{", "bad_json", None),
        ("[" * 3000 + "]" * 3000, "bad_message", None),
    ]
    for text, code, ref in cases:
        await screen.send_to(text_data=text)
        error = await receive(screen)
        assert (error["type"], error["code"], error["v"], error.get("ref")) == ("error", code, 1, ref), text
    await screen.send_to(bytes_data=b"\x00\x01")
    assert (await receive(screen))["code"] == "binary_frame"
    # Still alive, and nothing changed.
    await screen.send_to(text_data=json.dumps({"type": "clock.ping", "client_time": 5}))
    assert (await receive(screen))["type"] == "clock.pong"
    assert await database_sync_to_async(lambda: Group.objects.get(pk=counter.pk).name)() == "counter-0"
    await screen.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_refusal_from_the_rules_reaches_the_client_with_its_own_code(counter):
    screen = await join(counter.pk, "screen")
    await receive(screen)
    await screen.send_to(text_data=json.dumps({"type": "choose", "choice": "AB", "ref": "r7"}))
    error = await receive(screen)
    assert (error["type"], error["code"], error["ref"]) == ("error", "bad_choice", "r7")
    await screen.send_to(text_data=json.dumps({"type": "choose", "choice": "B"}))
    assert (await receive(screen))["type"] == "chosen"
    await screen.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_an_oversized_frame_closes_with_the_documented_code(counter):
    screen = await join(counter.pk, "screen")
    await receive(screen)
    await screen.send_to(text_data=json.dumps({"type": "bump", "pad": "x" * MAX_FRAME_BYTES}))
    assert (await receive(screen))["code"] == "frame_too_large"
    assert (await screen.receive_output(timeout=5))["code"] == CLOSE_TOO_LARGE


@pytest.mark.django_db(transaction=True)
async def test_a_flood_is_rate_limited_then_closed(counter):
    screen = await join(counter.pk, "screen")
    await receive(screen)
    for _ in range(CounterConsumer.burst + CounterConsumer.max_strikes + 1):
        await screen.send_to(text_data='{"type": "clock.ping", "client_time": 1}')
    frames = []
    while True:
        output = await screen.receive_output(timeout=5)
        if output["type"] == "websocket.close":
            break
        frames.append(json.loads(output["text"]))
    assert [f["type"] for f in frames].count("clock.pong") == CounterConsumer.burst
    assert [f.get("code") for f in frames].count("rate_limited") == CounterConsumer.max_strikes
    assert output["code"] == CLOSE_RATE_LIMITED


@pytest.mark.django_db(transaction=True)
async def test_concurrent_bumps_from_two_hosts_never_skip(counter):
    first, second = await join(counter.pk, "host"), await join(counter.pk, "host")
    await receive(first), await receive(second)
    for _ in range(3):
        await asyncio.gather(
            first.send_to(text_data='{"type": "bump"}'), second.send_to(text_data='{"type": "bump"}')
        )
    seen = sorted([(await receive(first))["count"] for _ in range(6)])
    assert seen == [1, 2, 3, 4, 5, 6]
    await first.disconnect()
    await second.disconnect()


def run_in_threads(count, target):
    results = []

    def work():
        try:
            results.append(target())
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.django_db(transaction=True)
def test_change_locked_serialises_read_modify_write_across_connections(counter):
    def bump_five():
        return [change_locked(Group, counter.pk, bump) for _ in range(5)]

    results = run_in_threads(4, bump_five)
    assert sorted(n for batch in results for n in batch) == list(range(1, 21))
    counter.refresh_from_db()
    assert counter.name == "counter-20"


@pytest.mark.django_db(transaction=True)
def test_change_locked_rolls_back_everything_on_error(counter):
    def bump_then_fail(row):
        bump(row)
        raise ValueError("refused")

    with pytest.raises(ValueError):
        change_locked(Group, counter.pk, bump_then_fail)
    counter.refresh_from_db()
    assert counter.name == "counter-0"


@pytest.mark.django_db(transaction=True)
def test_insert_once_lets_exactly_one_concurrent_insert_win():
    results = run_in_threads(6, lambda: insert_once(Group, name="first-buzz")[1])
    assert sorted(results) == [False] * 5 + [True]
    assert Group.objects.filter(name="first-buzz").count() == 1


@pytest.mark.django_db(transaction=True)
def test_insert_once_refusal_leaves_the_enclosing_transaction_usable():
    with transaction.atomic():
        assert insert_once(Group, name="a")[1]
        assert insert_once(Group, name="a") == (None, False)
        Group.objects.create(name="b")
    assert set(Group.objects.filter(name__in=["a", "b"]).values_list("name", flat=True)) == {"a", "b"}


def test_token_bucket_refills_at_its_rate():
    now = [0.0]
    bucket = TokenBucket(rate=2, burst=3, clock=lambda: now[0])
    assert [bucket.take() for _ in range(4)] == [True, True, True, False]
    now[0] += 0.5
    assert [bucket.take(), bucket.take()] == [True, False]
    now[0] += 100
    assert sum(bucket.take() for _ in range(10)) == 3


def test_group_names_are_checked_and_deadlines_are_absolute():
    assert group_name("contest-7", "team-3") == "live.contest-7.team-3"
    with pytest.raises(ValueError):
        group_name("contest 7", "host")
    assert deadline_ms(1.5, now_ms=1000) == 2500
    assert not is_past(2500, now_ms=2500) and is_past(2500, now_ms=2501) and not is_past(None)


async def test_audiences_given_one_frame_share_its_text_and_others_get_their_own(monkeypatch):
    from contests.live import fanout

    layer = get_channel_layer()
    channels = {audience: await layer.new_channel() for audience in ("screen", "host", "players")}
    for audience, channel in channels.items():
        await layer.group_add(group_name("game-77", audience), channel)
    encoded = []
    monkeypatch.setattr(fanout, "encode", lambda frame: encoded.append(frame) or json.dumps(frame, ensure_ascii=False))
    shared, own = {"type": "game.joined", "nickname": "小明"}, {"type": "game.question", "stem": "火警电话？"}
    await broadcast("game-77", {"screen": shared, "host": shared, "players": own})
    texts = {audience: (await layer.receive(channel))["text"] for audience, channel in channels.items()}
    assert encoded == [shared, own]
    assert json.loads(texts["screen"]) == json.loads(texts["host"]) == shared and json.loads(texts["players"]) == own
