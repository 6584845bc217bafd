"""A public game with three questions, and helpers to talk to its sockets."""
import json
import secrets

import pytest
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import Group
from django.http import HttpResponse

from core.accounts.models import User
from core.accounts.roles import HOSTS
from contests.games import pin_guard
from contests.games.models import PublicGame
from quizzes.models import Option, Question, QuestionBank

QUESTIONS = [
    ("发现燃气泄漏，首先应该怎么做？", ["立即开灯查看", "关闭阀门、开窗通风", "打电话报警", "继续做饭"], "B"),
    ("火灾报警电话是多少？", ["110", "119", "120"], "B"),
    ("电动自行车可以在楼道内充电。", ["正确", "错误"], "B"),
]


def make_bank(name="公众游戏题库"):
    bank = QuestionBank.objects.create(name=name)
    for stem, options, correct in QUESTIONS:
        question = Question.objects.create(
            bank=bank, stem=stem, explanation=f"解析：{stem}",
            kind=Question.Kind.TRUE_FALSE if len(options) == 2 else Question.Kind.SINGLE,
        )
        for position, text in enumerate(options):
            Option.objects.create(question=question, text=text, is_correct="ABCD"[position] == correct, sort_order=position)
    return bank


def game_host():
    """The Hosts member who owns the fixture's game (the `host_client` and host sockets log in as him)."""
    user, created = User.objects.get_or_create(username="host")
    if created:
        user.set_password("x")
        user.save()
        user.groups.add(Group.objects.get_or_create(name=HOSTS)[0])
    return user


@pytest.fixture
def game(transactional_db):
    bank = make_bank()
    # A fresh id per test: flushes restart the id sequence, and a game's id names its broadcast
    # channel and per-process caches, which a late frame of the previous test must not reach.
    game = PublicGame.objects.create(
        pk=10**6 + secrets.randbelow(10**9), title="咨询日安全知识游戏", bank=bank, reading_seconds=0, answer_seconds=30,
        owner=game_host(),
    )
    game.fill_from_bank(3)
    return game


def ordered_correct(game):
    return [question.correct_labels() for question in game.ordered_questions()]


def pass_cookie(pin):
    """The cookie of a phone holding the game's pass (it scanned the QR code or opened a page of
    the game): test phones share one address, as a square's crowd shares a carrier's."""
    response = HttpResponse()
    pin_guard.grant(response, {}, pin)
    return f"{pin_guard.PASS_COOKIE}={response.cookies[pin_guard.PASS_COOKIE].value}"


def pass_header(pin):
    return (b"cookie", pass_cookie(pin).encode())


async def connect(path, application=None, user=None, address=None, headers=()):
    from config.asgi import application as asgi_application

    communicator = WebsocketCommunicator(
        application or asgi_application, path, headers=[(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1"), *headers]
    )
    if user is not None:
        communicator.scope["user"] = user
    if address is not None:
        communicator.scope["client"] = (address, 50000)
    connected, _ = await communicator.connect(timeout=5)
    assert connected
    return communicator


async def receive(communicator, timeout=5):
    return json.loads(await communicator.receive_from(timeout=timeout))


async def receive_until(communicator, frame_type, timeout=5, seen=None):
    """Frames up to and including the first of `frame_type`; all of them land in `seen`."""
    while True:
        frame = await receive(communicator, timeout)
        if seen is not None:
            seen.append(frame)
        if frame["type"] == frame_type:
            return frame


async def send(communicator, frame_type, **fields):
    await communicator.send_to(text_data=json.dumps({"type": frame_type, **fields}))


@pytest.fixture
def host_client(client):
    """A client signed in as the Hosts member who owns the `game` fixture."""
    client.force_login(game_host())
    return client
