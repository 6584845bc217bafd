"""A small hostile fuzzer: random JSON for every message type of every role, through the real
consumers. No message may get `internal_error`, a code docs/protocol.md does not list, a close
code it does not list, a server error in the log, or a frame that is not strict JSON."""
import asyncio
import json
import logging
import re
import secrets
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from django.db.models import F, Value
from django.db.models.functions import Concat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contests.games.consumers import HostConsumer, PlayerConsumer
from contests.games.models import PublicGame
from contests.interunit.consumers import ContestConsumer
from contests.live.consumer import LiveConsumer
from core.accounts.models import User
from quizzes.models import QuestionBank
from tests.games.conftest import connect, game_host, make_bank
from tests.games.test_consumers import bare
from tests.interunit.conftest import make_contest
from tests.interunit.test_consumers import connect as seat

pytestmark = pytest.mark.django_db(transaction=True)
DOC = (Path(__file__).resolve().parents[2] / "docs" / "protocol.md").read_text()
DOCUMENTED_CLOSES = {int(code) for code in re.findall(r"^\| (4\d\d\d) \|", DOC, re.M)}
UNSTORABLE_TEXT = st.sampled_from(["\ud800", "\udfff", "a\udc00b", "\x00", "A\x00"])  # NUL: PostgreSQL refuses it
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30), UNSTORABLE_TEXT,
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.text(max_size=5), inner, max_size=4)),
                      max_leaves=12)


def message_for(names, fields):
    """A message of one of `names`, with some of the declared `fields` and some junk, as text."""
    return st.builds(
        lambda kind, chosen, extra, ref, raw: raw if raw is not None else json.dumps(
            {"type": kind, **chosen, **extra, **({"ref": ref} if ref is not None else {})}),
        st.one_of(st.sampled_from(names), VALUES),
        st.dictionaries(st.sampled_from(fields or ["none"]), VALUES, max_size=len(fields) or 1),
        st.dictionaries(st.text(max_size=6), VALUES, max_size=2),
        st.one_of(st.none(), VALUES),
        st.one_of(st.none(), st.none(), st.sampled_from([" ", "{", "[]", "null", "NaN", '{"type": NaN}', "[" * 500])),
    )


def protocol_strategy(consumer, roles):
    names = sorted({name for role in roles for name in consumer.protocol.names(role)} | {"nope", "host.nope"})
    fields = sorted({field for role in roles for message in consumer.protocol.roles[role].values()
                     for field in message.fields})
    return st.lists(message_for(names, fields), min_size=8, max_size=20)


def strict(text):
    def refuse(name):
        raise AssertionError(f"not JSON: {name}")

    return json.loads(text, parse_constant=refuse)


async def fire(communicator, texts):
    """Send every text; return every frame and the close code (None while open)."""
    frames = []
    for text in texts:
        await communicator.send_to(text_data=text)
    while True:
        try:
            output = await communicator.receive_output(timeout=0.5)
        except asyncio.TimeoutError:
            return frames, None
        if output["type"] == "websocket.close":
            return frames, output.get("code")
        frames.append(strict(output["text"]))


async def hang_up(communicator):
    if not communicator.future.done():  # not closed by the server already
        # The communicator cancels a consumer still cleaning up after its timeout (1 s by default):
        # on a loaded machine that cancel lands inside channels_redis's unsubscribe, which logs an error.
        await communicator.disconnect(timeout=10)


def documented_codes():
    return set(re.findall(r"`([a-z_]+)`", DOC))


def server_errors(records):
    """Errors in the log, but for channels_redis's report of an unsubscribe cut short by the end of
    the example's event loop (asyncio.run cancels what is still running): a clean-up of the
    test's own loop, which a server's loop never has. The hub and the watchdog wait for their
    unsubscribes (contests/live/hub.py, watchdog.py); this spares a pending one the test's end."""
    return [record for record in records if record.levelno >= logging.ERROR
            and not (record.name == "channels_redis.pubsub" and record.getMessage().startswith("Unexpected exception while cleaning-up"))]


def judge(frames, close):
    codes = documented_codes()
    for frame in frames:
        if frame["type"] == "error":
            assert frame["code"] != "internal_error", frame
            assert frame["code"] in codes, frame
    assert close is None or close in DOCUMENTED_CLOSES, close


@pytest.fixture
def loud(monkeypatch, caplog):
    monkeypatch.setattr(LiveConsumer, "rate", 1000.0)  # the fuzzer is not testing the flood limit
    monkeypatch.setattr(LiveConsumer, "burst", 1000)
    caplog.set_level(logging.WARNING)
    return caplog


@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(visitor=protocol_strategy(PlayerConsumer, ("visitor",)), player=protocol_strategy(PlayerConsumer, ("player",)),
       host=protocol_strategy(HostConsumer, ("host",)))
def test_random_messages_to_a_public_game(loud, visitor, player, host):
    loud.clear()
    user = game_host()
    game = PublicGame.objects.create(title="模糊", bank=make_bank(secrets.token_hex(4)), reading_seconds=0,
                                     answer_seconds=30, owner=user)
    game.fill_from_bank(3)

    async def play():
        phone = await connect(f"/ws/games/{game.pin}/play/")
        strict(await phone.receive_from(timeout=5))
        judge(*await fire(phone, visitor))
        joined = await connect(f"/ws/games/{game.pin}/play/")
        strict(await joined.receive_from(timeout=5))
        judge(*await fire(joined, ['{"type": "player.join", "nickname": "模糊测试"}', *player]))
        console = await connect(f"/ws/games/{game.pin}/host/", bare, user=user)
        judge(*await fire(console, ['{"type": "host.next"}', *host]))
        for communicator in (phone, joined, console):
            await hang_up(communicator)

    async_to_sync(play)()
    assert server_errors(loud.records) == []


@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(host=protocol_strategy(ContestConsumer, ("host",)), judge_=protocol_strategy(ContestConsumer, ("judge",)),
       team=protocol_strategy(ContestConsumer, ("team",)))
def test_random_messages_to_a_contest(loud, host, judge_, team):
    loud.clear()
    User.objects.filter(username__in=("host", "judge")).delete()
    QuestionBank.objects.update(name=Concat(F("name"), Value(secrets.token_hex(4))))  # the next bank's name is free
    contest = make_contest(judged=True)
    host_user, judge_user = User.objects.get(username="host"), User.objects.get(username="judge")
    code = contest.teams.first().access_code

    async def play():
        console, _ = await seat(f"/ws/contest/{contest.pk}/host/", host_user)
        judge(*await fire(console.communicator, ['{"type": "host.start"}', *host]))
        panel, _ = await seat(f"/ws/contest/{contest.pk}/judge/", judge_user)
        judge(*await fire(panel.communicator, judge_))
        pad, _ = await seat(f"/ws/contest/{contest.pk}/team/?code={code}")
        judge(*await fire(pad.communicator, team))
        for client in (console, panel, pad):
            await hang_up(client.communicator)

    async_to_sync(play)()
    assert server_errors(loud.records) == []
