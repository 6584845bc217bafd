"""One declared schema per message type and role (contests/live/schema.py, each game's
messages.py): each role accepts exactly its names, every field is typed and bounded."""
import pytest
from channels.db import database_sync_to_async

from contests.games.consumers import HostConsumer, PlayerConsumer, ScreenConsumer
from contests.interunit.consumers import ContestConsumer
from contests.interunit.models import Contest, ScoreEvent
from contests.live.schema import INT_MAX, Integer, Mapping, Message, Protocol, Text
from contests.rules.refusal import Refusal
from tests.interunit.conftest import make_contest
from tests.interunit.test_consumers import connect

pytestmark = pytest.mark.django_db(transaction=True)


def refusal(protocol, role, message):
    with pytest.raises(Refusal) as error:
        protocol.check(role, message)
    return error.value.code


def test_fields_are_typed_bounded_and_required_and_extra_fields_are_ignored():
    protocol = Protocol({"host": (Message("host.adjust", team=Integer(1, code="bad_value"), reason=Text(3),
                                          sheet=Mapping(2, key=Text(4), values=Integer(0, 9), required=False)),)})
    ok = {"type": "host.adjust", "team": 1, "reason": "abc", "unknown": [1, {"x": None}]}
    assert protocol.check("host", ok).arguments(ok) == {"team": 1, "reason": "abc"}
    for fields, code in [
        ({"team": True}, "bad_message"), ({"team": 1.0}, "bad_message"), ({"team": "1"}, "bad_message"),
        ({"team": None}, "bad_message"), ({"team": 0}, "bad_value"), ({"team": INT_MAX + 1}, "bad_value"),
        ({"team": 10**30}, "bad_value"), ({"reason": "abcd"}, "bad_message"), ({"reason": 5}, "bad_message"),
        ({"sheet": []}, "bad_message"), ({"sheet": {"a": 1, "b": 2, "c": 3}}, "bad_message"),
        ({"sheet": {"a": 10}}, "bad_message"), ({"sheet": {"a": True}}, "bad_message"),
        ({"sheet": {"abcde": 1}}, "bad_message"), ({"v": 2}, "bad_message"), ({"v": "1"}, "bad_message"),
    ]:
        assert refusal(protocol, "host", {**ok, **fields}) == code, fields
    assert refusal(protocol, "host", {"type": "host.adjust", "team": 1}) == "bad_message"  # reason is required
    assert protocol.check("host", {**ok, "v": 1})


def test_a_name_of_another_role_is_forbidden_and_an_unknown_name_is_unknown_type():
    protocol = Protocol({"host": (Message("host.next"),), "team": (Message("team.buzz"),)},
                        refusals={"team": {"host.next": "not_host"}})
    assert refusal(protocol, "host", {"type": "team.buzz"}) == "forbidden"
    assert refusal(protocol, "team", {"type": "host.next"}) == "not_host"
    assert refusal(protocol, "team", {"type": "host.nope"}) == "unknown_type"
    assert protocol.names("team") == ["clock.ping", "snapshot.request", "team.buzz"]


@pytest.mark.parametrize("consumer,roles", [
    (ContestConsumer, ("host", "judge", "team", "screen")),
    (PlayerConsumer, ("visitor", "player")),
    (HostConsumer, ("host",)),
    (ScreenConsumer, ("screen",)),
])
def test_every_declared_name_has_a_handler_and_every_handler_is_declared(consumer, roles):
    declared = {name for role in roles for name in consumer.protocol.names(role)} - {"clock.ping", "snapshot.request"}
    handlers = {name.removeprefix("msg_") for name in dir(consumer) if name.startswith("msg_")}
    assert {name.replace(".", "_") for name in declared} == handlers


async def test_a_judge_socket_refuses_every_host_and_team_name_and_changes_nothing():
    contest = await database_sync_to_async(make_contest)(judged=True)
    from core.accounts.models import User

    judge_user = await database_sync_to_async(User.objects.get)(username="judge")
    judge, snapshot = await connect(f"/ws/contest/{contest.pk}/judge/", judge_user)
    assert snapshot["role"] == "judge"
    for role in ("host", "team"):
        for name in ContestConsumer.protocol.names(role):
            if name.startswith(role):
                error = await judge.error(name, ref=name, verdict="correct", team=1, delta=5, reason="x", choice="B")
                assert (error["code"], error["ref"]) == ("forbidden", name)
    state = await database_sync_to_async(lambda: Contest.objects.get(pk=contest.pk).state)()
    assert state.get("version", 0) == 0 and await database_sync_to_async(ScoreEvent.objects.count)() == 0
