"""Contest sockets with WebsocketCommunicator, on whichever channel layer is configured."""
import asyncio
import json
import threading
import time

import pytest
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from django.db import connections

from contests.interunit import runner
from contests.interunit.models import Answer, Buzz, Contest, ScoreEvent
from contests.live.consumer import CLOSE_REFUSED
from contests.live.fanout import broadcast
from contests.routing import websocket_urlpatterns
from contests.rules.phases import Role
from contests.rules.refusal import Refusal

pytestmark = pytest.mark.django_db(transaction=True)
router = URLRouter(websocket_urlpatterns)
EXPLANATION = "解析：这是只有主持人在揭晓前能看到的说明。"


class Client:
    """One socket that keeps every frame it received, for the leak checks."""

    def __init__(self, communicator):
        self.communicator = communicator
        self.frames = []

    async def next(self):
        frame = json.loads(await self.communicator.receive_from(timeout=5))
        self.frames.append(frame)
        return frame

    async def until(self, predicate):
        for _ in range(50):
            frame = await self.next()
            if predicate(frame):
                return frame
        raise AssertionError("expected frame never came")

    async def state(self):
        return await self.until(lambda f: f["type"] in ("state", "snapshot"))

    async def send(self, type_, **fields):
        await self.communicator.send_to(text_data=json.dumps({"type": type_, **fields}))

    async def error(self, type_, **fields):
        await self.send(type_, **fields)
        return await self.until(lambda f: f["type"] == "error")


async def connect(path, user=None):
    communicator = WebsocketCommunicator(router, path)
    communicator.scope["user"] = user or AnonymousUser()
    connected, _ = await communicator.connect(timeout=5)
    assert connected
    client = Client(communicator)
    first = await client.next()
    return client, first


@database_sync_to_async
def setup_data(contest):
    from core.accounts.models import User

    return User.objects.get(username="host"), list(contest.teams.all())


async def seats(contest):
    host_user, teams = await setup_data(contest)
    host, _ = await connect(f"/ws/contest/{contest.pk}/host/", host_user)
    screen, _ = await connect(f"/ws/contest/{contest.pk}/screen/")
    pads = [(await connect(f"/ws/contest/{contest.pk}/team/?code={team.access_code.lower()}"))[0] for team in teams]
    return host, screen, pads, teams


async def step(host, others, type_, **fields):
    await host.send(type_, **fields)
    frame = await host.state()
    assert frame["type"] == "state", frame
    for other in others:
        await other.state()
    return frame


@database_sync_to_async
def db_scores(contest):
    contest.refresh_from_db()
    events = {}
    for event in ScoreEvent.objects.filter(contest=contest):
        events[event.team_id] = events.get(event.team_id, 0) + event.delta
    return contest.scores(), {team.pk: contest.start_score + events.get(team.pk, 0) for team in contest.teams.all()}


async def test_seats_are_refused_without_the_right_code_or_group(contest):
    for path in (f"/ws/contest/{contest.pk}/team/?code=WRONG1", f"/ws/contest/{contest.pk}/host/",
                 f"/ws/contest/{contest.pk}/judge/", "/ws/contest/999999/screen/", f"/ws/contest/{contest.pk}/boss/"):
        communicator = WebsocketCommunicator(router, path)
        communicator.scope["user"] = AnonymousUser()
        await communicator.connect(timeout=5)
        assert json.loads(await communicator.receive_from(timeout=5))["code"] == "no_seat"
        assert (await communicator.receive_output(timeout=5))["code"] == CLOSE_REFUSED


async def test_a_compulsory_question_plays_and_nothing_leaks_before_the_reveal(contest):
    host, screen, pads, teams = await seats(contest)
    everyone = [screen, *pads]
    snapshot = host.frames[0]
    assert snapshot["type"] == "snapshot" and snapshot["phase"] == "lobby" and snapshot["role"] == "host"
    assert pads[0].frames[0]["me"] == teams[0].pk
    frame = await step(host, everyone, "host.start")
    assert frame["phase"] == "reading" and frame["team"] == teams[0].pk
    assert frame["reveal"]["correct"] == "B"  # the host sees it
    await step(host, everyone, "host.open")
    assert (await pads[1].error("team.answer", choice="B"))["code"] == "not_your_turn"
    await pads[0].send("team.answer", choice="B")
    judged = await host.state()
    assert judged["phase"] == "judging" and judged["verdict"]["verdict"] == "correct"
    assert {t["id"]: t["score"] for t in judged["teams"]}[teams[0].pk] == 110
    screen_frame = await screen.state()
    assert screen_frame["answered"] and "verdict" not in screen_frame
    assert {t["id"]: t["score"] for t in screen_frame["teams"]}[teams[0].pk] == 100  # the score would tell
    for pad in pads:
        await pad.state()
    before_reveal = [frame for client in everyone for frame in client.frames]
    assert len(before_reveal) >= 12
    for frame in before_reveal:
        text = json.dumps(frame, ensure_ascii=False)
        assert "reveal" not in frame and EXPLANATION not in text and "is_correct" not in text
        assert all(team["score"] == 100 for team in frame.get("teams", []))  # error frames have none
    revealed = await step(host, everyone, "host.reveal")
    assert revealed["reveal"]["explanation"] == EXPLANATION
    assert screen.frames[-1]["reveal"]["correct"] == "B"
    assert {t["id"]: t["score"] for t in screen.frames[-1]["teams"]}[teams[0].pk] == 110
    scores, from_events = await db_scores(contest)
    assert scores == from_events and scores[teams[0].pk] == 110


async def test_every_command_from_a_wrong_role_is_refused_and_changes_nothing(contest):
    host, screen, pads, teams = await seats(contest)
    await step(host, [screen, *pads], "host.start")
    version = host.frames[-1]["version"]
    host_commands = ["host.start", "host.open", "host.next", "host.reveal", "host.end", "host.pause", "host.reset",
                     "host.undo", "host.lock", "host.scoreboard", "host.resume"]
    judge_commands = ["judge.mark", "judge.adjust", "judge.score"]
    for client in (screen, pads[0]):
        for command in host_commands + judge_commands:
            error = await client.error(command, verdict="correct", team=teams[0].pk, delta=50, reason="x")
            assert error["code"] in ("forbidden", "wrong_phase"), (command, error)
    for command in ("team.buzz", "team.answer", "team.risk"):
        assert (await screen.error(command, choice="B", value=10))["code"] == "forbidden"
        assert (await host.error(command, choice="B", value=10))["code"] == "forbidden"
    await host.send("snapshot.request")
    assert (await host.state())["version"] == version
    assert await database_sync_to_async(ScoreEvent.objects.count)() == 0


async def test_only_one_buzz_wins_when_three_teams_buzz_at_once(contest):
    host, screen, pads, teams = await seats(contest)
    everyone = [screen, *pads]
    await step(host, everyone, "host.start")
    for index in range(3):  # the compulsory round: everyone answers B
        if index:
            await step(host, everyone, "host.next")
        await step(host, everyone, "host.open")
        await pads[index].send("team.answer", choice="B")
        await host.state()
        for client in everyone:
            await client.state()
        await step(host, everyone, "host.reveal")
    frame = await step(host, everyone, "host.next")
    assert frame["round"]["kind"] == "buzzer" and frame["team"] is None
    await step(host, everyone, "host.open")
    # Each pad's buzz as its socket runs it (runner.run), on three threads with three database
    # connections, released together and all in flight at once.
    outcomes = await race([
        lambda team=team: runner.run(contest.pk, Role.TEAM, team.pk, f"team {team.name}", "buzz", {}) for team in teams
    ])
    won = [frames for frames in outcomes if not isinstance(frames, Refusal)]
    assert len(won) == 1 and sorted(o.code for o in outcomes if isinstance(o, Refusal)) == ["buzz_closed"] * 2
    await broadcast(contest.game_key, won[0])
    winner = (await host.until(lambda f: f["type"] == "state" and f["phase"] == "answering"))["team"]
    assert await database_sync_to_async(lambda: list(Buzz.objects.values_list("team_id", flat=True)))() == [winner]
    await pads[[t.pk for t in teams].index(winner)].send("team.answer", choice="A")
    frame = await host.until(lambda f: f["type"] == "state" and f["phase"] == "judging")
    assert {t["id"]: t["score"] for t in frame["teams"]}[winner] == 100  # 110 - 10
    await step(host, everyone, "host.undo")
    scores, from_events = await db_scores(contest)
    assert scores == from_events and scores[winner] == 110
    assert await database_sync_to_async(Answer.objects.filter(voided=True).count)() == 1


async def test_a_reconnecting_pad_gets_the_current_question_and_deadline(contest):
    host, screen, pads, teams = await seats(contest)
    await step(host, [screen, *pads], "host.start")
    opened = await step(host, [screen, *pads], "host.open")
    await pads[0].communicator.disconnect()
    again, snapshot = await connect(f"/ws/contest/{contest.pk}/team/?code={teams[0].access_code}")
    assert snapshot["type"] == "snapshot" and snapshot["phase"] == "answering"
    assert snapshot["deadline"] == opened["deadline"] and snapshot["question"]["stem"] == opened["question"]["stem"]
    await again.send("team.answer", choice="B")
    assert (await again.state())["answered"]


async def test_two_hosts_pressing_next_at_once_advance_one_question(contest):
    host, screen, pads, teams = await seats(contest)
    host_user, _ = await setup_data(contest)
    second, _ = await connect(f"/ws/contest/{contest.pk}/host/", host_user)
    await step(host, [second], "host.start")
    await step(host, [second], "host.reveal")
    # Both hosts' "next" as their sockets run it, on two threads with two database connections.
    outcomes = await race([lambda: runner.run(contest.pk, Role.HOST, host_user.pk, "host", "next", {})] * 2)
    contest_row = await database_sync_to_async(Contest.objects.get)(pk=contest.pk)
    assert contest_row.state["turn"] == 1  # the second "next" found phase "reading" and was refused
    assert sorted(type(o).__name__ for o in outcomes) == ["Refusal", "dict"]
    assert [o.code for o in outcomes if isinstance(o, Refusal)] == ["wrong_phase"]


async def race(calls, hold=0.1):
    """Run the calls at once, each on its own thread with its own database connection; every
    change holds the contest row `hold` seconds longer, so all calls are in flight together
    (checked). Returns each call's result or Refusal."""
    apply = runner.apply

    def slow_apply(*args, **kwargs):
        time.sleep(hold)
        return apply(*args, **kwargs)

    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(position):
        barrier.wait(timeout=10)
        started = time.monotonic()
        try:
            outcome = calls[position]()
        except Refusal as refusal:
            outcome = refusal
        finally:
            connections.close_all()  # this thread's own connection
        results[position] = (outcome, started, time.monotonic())

    runner.apply = slow_apply
    try:
        threads = [threading.Thread(target=run, args=(position,)) for position in range(len(calls))]
        await asyncio.to_thread(lambda: [thread.start() for thread in threads] and [thread.join(30) for thread in threads])
    finally:
        runner.apply = apply
    assert all(results), "a racing call did not finish"
    assert max(started for _, started, _ in results) < min(finished for _, _, finished in results), "not concurrent"
    return [outcome for outcome, _, _ in results]


async def test_late_answers_are_refused_and_the_time_running_out_judges_a_timeout(transactional_db, contest_factory):
    contest = await database_sync_to_async(contest_factory)(answer_seconds=0)
    host, screen, pads, teams = await seats(contest)
    await step(host, [], "host.start")
    await step(host, [], "host.open")
    await asyncio.sleep(0.01)
    error = await pads[0].error("team.answer", choice="B", ref="early-late")  # before the server closed it
    assert (error["code"], error["ref"]) == ("too_late", "early-late")
    frame = await host.until(lambda f: f["type"] == "state" and f["phase"] == "judging")  # nobody pressed lock
    assert frame["verdict"]["verdict"] == "timeout" and frame["event"] == {"command": "expire", "team": None}
    assert (await host.error("host.lock"))["code"] == "wrong_phase"
    error = await pads[0].error("team.answer", choice="B", ref=7)  # after the server closed it
    assert (error["code"], error["ref"]) == ("too_late", 7)
    await step(host, [], "host.reveal")
    await asyncio.sleep(0.3)
    error = await pads[0].error("team.answer", choice="B", ref=8)  # after the reveal, however late
    assert (error["code"], error["ref"]) == ("too_late", 8)
    assert await database_sync_to_async(Answer.objects.exclude(verdict="timeout").count)() == 0


@database_sync_to_async
def buzzer_only(contest, **settings):
    from contests.interunit.models import Round

    Round.objects.filter(contest=contest).exclude(kind="buzzer").delete()
    Round.objects.filter(contest=contest).update(**settings)


async def no_state_frame(client, seconds):
    """No further state frame within `seconds` (other checks that fired changed nothing)."""
    try:
        while True:
            frame = json.loads(await client.communicator.receive_from(timeout=seconds))
            assert frame["type"] != "state", frame
    except asyncio.TimeoutError:
        pass


async def test_nobody_buzzing_in_time_closes_the_question_once_whoever_is_watching(contest):
    await buzzer_only(contest, buzz_seconds=1)
    host, screen, pads, teams = await seats(contest)
    host_user, _ = await setup_data(contest)
    second_host, _ = await connect(f"/ws/contest/{contest.pk}/host/", host_user)
    second_screen, _ = await connect(f"/ws/contest/{contest.pk}/screen/")
    watchers = [host, second_host, screen, second_screen]
    await step(host, watchers[1:], "host.start")
    opened = await step(host, watchers[1:], "host.open")
    assert opened["phase"] == "buzzer_open"
    closed = await screen.until(lambda f: f["type"] == "state" and f["phase"] != "buzzer_open")
    assert closed["phase"] == "revealed" and closed["event"]["command"] == "expire"
    assert closed["version"] == opened["version"] + 1 and closed["reveal"]["correct"] == "B"
    for client in watchers:
        if client is not screen:
            assert (await client.state())["version"] == closed["version"]
    await no_state_frame(host, 0.8)  # the three other checks were no-ops
    assert await database_sync_to_async(ScoreEvent.objects.count)() == 0
    assert await database_sync_to_async(Answer.objects.count)() == 0


async def test_an_unbuzzed_question_goes_to_the_audience_when_the_round_says_so(contest):
    await buzzer_only(contest, buzz_seconds=1, hand_to_audience=True)
    host, screen, pads, teams = await seats(contest)
    await step(host, [screen, *pads], "host.start")
    await step(host, [screen, *pads], "host.open")
    handed = await screen.until(lambda f: f["type"] == "state" and f["phase"] != "buzzer_open")
    assert handed["phase"] == "audience" and handed["question"]["stem"] and "reveal" not in handed
    error = await pads[0].error("team.buzz", ref="b")  # after the buzzer's deadline: too late, whatever the phase
    assert (error["code"], error["ref"]) == ("too_late", "b")
    await host.until(lambda f: f["type"] == "state" and f["phase"] == "audience")
    revealed = await step(host, [], "host.reveal")
    assert revealed["phase"] == "revealed" and all(t["score"] == 100 for t in revealed["teams"])
    assert (await screen.state())["reveal"]["correct"] == "B"


async def test_a_contest_nobody_watched_catches_up_when_someone_connects(contest):
    from contests.interunit.runner import run

    await buzzer_only(contest, buzz_seconds=0)
    await database_sync_to_async(run)(contest.pk, Role.HOST, None, "host", "start", {})
    await database_sync_to_async(run)(contest.pk, Role.HOST, None, "host", "open", {})
    await asyncio.sleep(0.01)
    team = (await setup_data(contest))[1][0]
    pad, snapshot = await connect(f"/ws/contest/{contest.pk}/team/?code={team.access_code}")
    assert snapshot["phase"] == "revealed" and snapshot["event"] is None
    row = await database_sync_to_async(Contest.objects.get)(pk=contest.pk)
    assert row.state["phase"] == "revealed"


async def test_rehearsal_data_is_cleared_to_start_for_real(contest):
    await database_sync_to_async(Contest.objects.filter(pk=contest.pk).update)(rehearsal=True)
    host, screen, pads, teams = await seats(contest)
    await step(host, [], "host.start")
    await step(host, [], "host.adjust", team=teams[1].pk, delta=7, reason="彩排")
    frame = await step(host, [screen], "host.reset")
    assert frame["phase"] == "lobby" and not frame["contest"]["rehearsal"]
    assert all(t["score"] == 100 for t in screen.frames[-1]["teams"])
    assert await database_sync_to_async(ScoreEvent.objects.count)() == 0
    assert (await host.error("host.reset"))["code"] == "not_rehearsal"


@database_sync_to_async
def judge_user():
    from core.accounts.models import User

    return User.objects.get(username="judge")


async def test_judges_score_hidden_from_the_screen_until_all_have_scored(transactional_db, contest_factory):
    contest = await database_sync_to_async(contest_factory)(judged=True)
    host, screen, pads, teams = await seats(contest)
    judge, snapshot = await connect(f"/ws/contest/{contest.pk}/judge/", await judge_user())
    assert snapshot["role"] == "judge" and "audit" not in snapshot
    everyone = [screen, judge, *pads]
    await step(host, everyone, "host.start")
    frame = await step(host, everyone, "host.open")
    assert frame["phase"] == "judging" and frame["round"]["criteria"] == [{"name": "内容", "max": 50}]
    assert (await judge.error("judge.score", sheet={"内容": 51}))["code"] == "bad_value"
    assert (await pads[0].error("judge.score", sheet={"内容": 5}))["code"] == "forbidden"
    await judge.send("judge.score", sheet={"内容": 42})
    closed = await screen.state()
    assert closed["phase"] == "revealed" and closed["sheets"] == [{"judge": "judge", "total": 42}]
    assert closed["judged_score"] == 42
    before = [f for f in screen.frames[:-1]]
    assert all("sheets" not in f for f in before)
    scores, from_events = await db_scores(contest)
    assert scores == from_events and scores[teams[0].pk] == 142


async def test_a_risk_question_stays_hidden_from_teams_until_the_value_is_chosen(contest):
    from contests.interunit.models import Round

    await database_sync_to_async(Round.objects.filter(contest=contest).exclude(kind="risk").delete)()
    host, screen, pads, teams = await seats(contest)
    frame = await step(host, [screen, *pads], "host.start")
    assert frame["round"]["kind"] == "risk" and frame["question"]  # the host sees it
    assert screen.frames[-1]["question"] is None and pads[0].frames[-1]["question"] is None
    assert (await host.error("host.open"))["code"] == "no_risk_value"
    assert (await pads[0].error("team.risk", value=25))["code"] == "bad_value"
    await pads[0].send("team.risk", value=30)
    chosen = await screen.state()
    for client in (host, *pads):
        await client.state()
    assert chosen["risk_value"] == 30 and chosen["question"]["stem"] and "reveal" not in chosen
    await step(host, [screen, *pads], "host.open")
    await pads[0].send("team.answer", choice="C")
    judged = await host.state()
    assert judged["verdict"]["delta"] == -30


async def test_the_real_stack_checks_origin_and_session(contest):
    from asgiref.sync import sync_to_async
    from django.test import Client

    from config.asgi import application

    client = Client()
    await sync_to_async(client.force_login)((await setup_data(contest))[0])
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    path = f"/ws/contest/{contest.pk}/host/"
    headers = [(b"origin", b"http://localhost"), (b"host", b"localhost")]
    communicator = WebsocketCommunicator(application, path, headers=headers + [(b"cookie", cookie)])
    assert (await communicator.connect(timeout=5))[0]
    assert json.loads(await communicator.receive_from(timeout=5))["role"] == "host"
    await communicator.disconnect()
    anonymous = WebsocketCommunicator(application, path, headers=headers)
    await anonymous.connect(timeout=5)
    assert json.loads(await anonymous.receive_from(timeout=5))["code"] == "no_seat"
    foreign = WebsocketCommunicator(application, path, headers=[(b"origin", b"https://evil.example"), (b"host", b"localhost"),
                                                                  (b"cookie", cookie)])
    assert not (await foreign.connect(timeout=5))[0]


async def test_only_the_host_frame_lists_the_allowed_actions_and_the_host_switches_the_sound(contest):
    host, screen, pads, teams = await seats(contest)
    snapshot = host.frames[0]
    assert snapshot["actions"] == {"allowed": ["start", "end"], "waiting": {}, "primary": "start", "next": None}
    assert screen.frames[0]["contest"]["sound"] is True and "actions" not in screen.frames[0]
    frame = await step(host, [screen, *pads], "host.start")
    assert frame["actions"]["primary"] == "open"
    assert [f["round"]["early_buzz_penalty"] for f in (frame, screen.frames[-1])] == [5, 5]
    assert [r["kind"] for r in screen.frames[-1]["rounds"]] == ["compulsory", "buzzer", "risk"]
    frame = await step(host, [screen, *pads], "host.open")
    assert frame["actions"]["primary"] is None and "mark" in frame["actions"]["allowed"]
    frame = await step(host, [screen, *pads], "host.lock")  # time called before the deadline
    team_frame = pads[0].frames[-1]
    assert team_frame["timed_out"] is True and "verdict" not in team_frame
    assert frame["actions"]["primary"] == "reveal"
    assert (await pads[0].error("host.sound", on=0))["code"] == "forbidden"
    assert (await host.error("host.sound", on=2))["code"] == "bad_value"
    frame = await step(host, [screen, *pads], "host.sound", on=0)
    assert frame["event"]["command"] == "sound"
    assert screen.frames[-1]["contest"]["sound"] is False
    assert (await Contest.objects.aget(pk=contest.pk)).sound is False
    for client in (host, screen, *pads):
        await client.communicator.disconnect()
