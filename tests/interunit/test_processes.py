"""Real daphne processes on loopback: the contest lives in the database (and Redis), not in a
process. A killed server's successor carries on mid-question; two processes share a game through a
private redis-server (on either backend)."""
import json
import os
import signal
import time
from functools import partial

import pytest
from channels.testing.live import make_application, set_database_connection
from daphne.testing import DaphneProcess
from django.conf import settings
from django.test import Client
from websockets.sync.client import connect

from core.accounts.models import User
from tests.conftest import DAPHNE_TIMEOUTS

pytestmark = pytest.mark.django_db(transaction=True)


def start_daphne(prepare_fork):
    prepare_fork()
    process = DaphneProcess(host="127.0.0.1", get_application=partial(make_application, static_wrapper=None),
                            setup=set_database_connection, kwargs=DAPHNE_TIMEOUTS)
    process.start()
    assert process.ready.wait(timeout=30), "daphne did not start"
    return process


def stop(process, kill=False):
    if kill:
        os.kill(process.pid, signal.SIGKILL)
    else:
        process.terminate()
    process.join(timeout=10)


class Socket:
    def __init__(self, process, path, cookie=None):
        base = f"127.0.0.1:{process.port.value}"
        headers = {"Cookie": cookie} if cookie else None
        self.ws = connect(f"ws://{base}{path}", origin=f"http://{base}", additional_headers=headers, open_timeout=10,
                          legacy=True)
        self.snapshot = self.next()

    def next(self):
        return json.loads(self.ws.recv(timeout=10))

    def until(self, predicate):
        for _ in range(50):
            frame = self.next()
            if predicate(frame):
                return frame
        raise AssertionError("expected frame never came")

    def send(self, type_, **fields):
        self.ws.send(json.dumps({"type": type_, **fields}))

    def close(self):
        self.ws.close()


def phase(name):
    return lambda frame: frame["type"] == "state" and frame["phase"] == name


@pytest.fixture
def cast(fork_safe, contest_factory):
    contest = contest_factory()
    client = Client()
    client.force_login(User.objects.get(username="host"))
    return contest, f"sessionid={client.cookies['sessionid'].value}", list(contest.teams.all()), fork_safe


def test_a_killed_server_is_replaced_and_the_question_carries_on(cast):
    contest, cookie, teams, prepare = cast
    first = start_daphne(prepare)
    host = Socket(first, f"/ws/contest/{contest.pk}/host/", cookie)
    host.send("host.start")
    host.until(phase("reading"))
    host.send("host.open")
    opened = host.until(phase("answering"))
    stop(first, kill=True)

    second = start_daphne(prepare)
    try:
        pad = Socket(second, f"/ws/contest/{contest.pk}/team/?code={teams[0].access_code}")
        assert pad.snapshot["phase"] == "answering" and pad.snapshot["deadline"] == opened["deadline"]
        host = Socket(second, f"/ws/contest/{contest.pk}/host/", cookie)
        pad.send("team.answer", choice="B")
        judged = host.until(phase("judging"))
        assert judged["verdict"] == {"choice": "B", "verdict": "correct", "delta": 10}
        contest.refresh_from_db()
        assert contest.scores()[teams[0].pk] == 110
    finally:
        stop(second)


def test_two_processes_on_one_redis_play_one_contest(cast, private_redis):
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"].endswith("RedisPubSubChannelLayer")
    contest, cookie, teams, prepare = cast
    one, two = start_daphne(prepare), start_daphne(prepare)
    try:
        host = Socket(one, f"/ws/contest/{contest.pk}/host/", cookie)
        screen = Socket(two, f"/ws/contest/{contest.pk}/screen/")
        pads = [Socket(two, f"/ws/contest/{contest.pk}/team/?code={team.access_code}") for team in teams]
        host.send("host.start")
        for turn, team in enumerate(teams):
            if turn:
                host.send("host.next")
            screen.until(phase("reading"))
            host.send("host.open")
            pads[turn].until(lambda f: phase("answering")(f) and f["team"] == team.pk)
            pads[turn].send("team.answer", choice="B")
            host.until(phase("judging"))
            host.send("host.reveal")
            revealed = screen.until(phase("revealed"))
            assert {t["id"]: t["score"] for t in revealed["teams"]}[team.pk] == 110
        host.send("host.next")  # the buzzer round, played across the two processes
        screen.until(phase("reading"))
        host.send("host.open")
        pads[1].until(phase("buzzer_open"))
        pads[1].send("team.buzz")
        won = host.until(phase("answering"))
        assert won["team"] == teams[1].pk
        contest.refresh_from_db()
        assert contest.scores() == {team.pk: 110 for team in teams}
    finally:
        stop(one)
        stop(two)


def test_a_deadline_watched_from_two_processes_closes_the_question_once(cast, private_redis):
    from contests.interunit.models import Round

    contest, cookie, teams, prepare = cast
    Round.objects.filter(contest=contest).exclude(kind="buzzer").delete()
    Round.objects.filter(contest=contest).update(buzz_seconds=1)
    one, two = start_daphne(prepare), start_daphne(prepare)
    try:
        host = Socket(one, f"/ws/contest/{contest.pk}/host/", cookie)
        screens = [Socket(one, f"/ws/contest/{contest.pk}/screen/"), Socket(two, f"/ws/contest/{contest.pk}/screen/")]
        host.send("host.start")
        host.until(phase("reading"))
        host.send("host.open")
        opened = host.until(phase("buzzer_open"))
        for screen in screens:  # nobody buzzes, nobody presses anything
            closed = screen.until(phase("revealed"))
            assert closed["version"] == opened["version"] + 1 and closed["event"]["command"] == "expire"
        time.sleep(1)  # every process's checks have fired by now
        contest.refresh_from_db()
        assert contest.state["version"] == opened["version"] + 1 and contest.state["phase"] == "revealed"
    finally:
        stop(one)
        stop(two)
