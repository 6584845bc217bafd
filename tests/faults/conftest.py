"""Real processes on loopback for the fault tests: daphne processes on the test database, a public
game, and simulated phones talking to them over real WebSockets (the `websockets` library, as in
bench/public_game.py). The private redis-server a test may kill and restart is `private_redis`
(tests/conftest.py).

Every wait is bounded; every process a test starts is killed in a `finally` (fixtures here).
"""
import asyncio
import json
import os
import secrets
import signal
from functools import partial

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from core.accounts.models import User
from core.accounts.roles import HOSTS
from tests.conftest import DAPHNE_TIMEOUTS
from contests.games import demo
from contests.games.models import PublicGame
from tests.games.conftest import pass_cookie

WAIT = 30  # seconds: the longest any single step may take


# Daphne processes ----------------------------------------------------------------------------
class Daphnes:
    """Starts daphne processes on the test database; stops (or has killed) every one of them."""

    def __init__(self, prepare_fork):
        self.prepare_fork = prepare_fork
        self.processes = []

    def start(self, static=False):
        from channels.testing.live import make_application, set_database_connection
        from daphne.testing import DaphneProcess
        from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

        self.prepare_fork()
        process = DaphneProcess(
            host="127.0.0.1",
            get_application=partial(make_application, static_wrapper=ASGIStaticFilesHandler if static else None),
            setup=set_database_connection,
            kwargs=DAPHNE_TIMEOUTS,
        )
        process.start()
        self.processes.append(process)
        assert process.ready.wait(timeout=WAIT), "daphne did not start"
        return process

    def kill(self, process):
        os.kill(process.pid, signal.SIGKILL)
        process.join(timeout=10)

    def stop_all(self):
        for process in self.processes:
            if process.is_alive():
                process.terminate()
                process.join(timeout=10)
            if process.is_alive():
                self.kill(process)


@pytest.fixture
def daphnes(fork_safe):
    started = Daphnes(fork_safe)
    try:
        yield started
    finally:
        started.stop_all()


def address(process):
    return f"127.0.0.1:{process.port.value}"


# The game ------------------------------------------------------------------------------------
@pytest.fixture
def game(transactional_db):
    """A public game of three demo questions; long answer windows so only the host ends them.
    A fresh id, as in tests/games: a test that plays in this process leaves per-process caches
    keyed by the game's id, which a later test's game must not inherit after a flush."""
    game = PublicGame.objects.create(
        pk=10**6 + secrets.randbelow(10**9), title="故障演练", bank=demo.bank(), reading_seconds=0, answer_seconds=120
    )
    game.fill_from_bank(3)
    return game


@pytest.fixture
def host_cookie(game):
    user = User.objects.create_user("fault-host", password="x")
    user.groups.add(Group.objects.get_or_create(name=HOSTS)[0])
    game.owner = user
    game.save(update_fields=["owner"])
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


# Simulated phones ----------------------------------------------------------------------------
class Closed(Exception):
    """The server closed the socket (or its process died) while a frame was awaited."""


class LiveSocket:
    """One WebSocket to a daphne process; frames are read into a queue by a background task."""

    def __init__(self, server, path, cookie=None):
        self.server, self.path, self.cookie = server, path, cookie
        self.ws = None
        self.frames = asyncio.Queue()
        self.reader = None
        self.close_code = None

    async def open(self):
        from websockets.asyncio.client import connect

        headers = {"Cookie": self.cookie} if self.cookie else None
        self.ws = await connect(f"ws://{self.server}{self.path}", origin=f"http://{self.server}",
                                additional_headers=headers, open_timeout=WAIT, ping_interval=None, max_size=2**22)
        self.frames = asyncio.Queue()
        self.close_code = None
        self.reader = asyncio.create_task(self._read())
        return await self.expect("snapshot")

    async def _read(self):
        from websockets.exceptions import ConnectionClosed

        try:
            async for raw in self.ws:
                await self.frames.put(json.loads(raw))
        except ConnectionClosed:
            pass
        self.close_code = self.ws.close_code if self.ws.close_code is not None else 1006
        await self.frames.put(None)

    async def expect(self, frame_type, timeout=WAIT, **fields):
        """The next frame of `frame_type` (matching `fields`); others are skipped, errors fail."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            left = deadline - asyncio.get_running_loop().time()
            try:
                frame = await asyncio.wait_for(self.frames.get(), max(left, 0.001))
            except asyncio.TimeoutError:
                raise AssertionError(f"no {frame_type} frame {fields} within {timeout} s on {self.path}") from None
            if frame is None:
                raise Closed(self.close_code)
            if frame["type"] == "error" and frame_type != "error":
                raise AssertionError(f"error frame while waiting for {frame_type}: {frame}")
            if frame["type"] == frame_type and all(frame.get(k) == v for k, v in fields.items()):
                return frame

    async def open_retrying(self, attempts=20, pause=0.25):
        """`open`, retried like a phone retries: a handshake refused (a full listen backlog, a
        server that cannot take the socket yet) or a socket closed before its snapshot."""
        from websockets.exceptions import InvalidHandshake

        for _ in range(attempts):
            try:
                return await self.open()
            except (OSError, InvalidHandshake, Closed, asyncio.TimeoutError) as error:
                last = error
            await asyncio.sleep(pause)
        raise AssertionError(f"could not open {self.path} on {self.server}: {last!r}")

    async def send(self, frame_type, **fields):
        await self.ws.send(json.dumps({"type": frame_type, **fields}))

    async def closed(self, timeout):
        """Wait until the server closes this socket; returns the close code."""
        await asyncio.wait_for(asyncio.shield(self.reader), timeout)
        return self.close_code

    async def close(self):
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            await asyncio.wait_for(self.reader, 10)


class Phone(LiveSocket):
    """A player: joins with a nickname, keeps its token, remembers what it sent and what was acked."""

    def __init__(self, server, pin, nickname):
        super().__init__(server, f"/ws/games/{pin}/play/", pass_cookie(pin))
        self.pin, self.nickname = pin, nickname
        self.token = None
        self.sent = {}  # question index -> choice sent
        self.acked = {}  # question index -> choice acknowledged (answer.accepted)
        self.results = {}  # question index -> player.result frame

    async def join(self):
        await self.open_retrying()
        await self.send("player.join", nickname=self.nickname)
        self.token = (await self.expect("player.joined"))["token"]
        return await self.expect("snapshot")

    async def rejoin(self, server, attempts=40):
        """Reconnect with the token (to `server`); returns the snapshot."""
        self.server, self.path = server, f"/ws/games/{self.pin}/play/?token={self.token}"
        return await self.open_retrying(attempts)

    async def answer(self, index, choice):
        self.sent[index] = choice
        await self.send("player.answer", index=index, choice=choice, ref=str(index))

    async def acknowledged(self, index, timeout=WAIT):
        frame = await self.expect("answer.accepted", timeout, index=index)
        self.acked[index] = frame["choice"]
        return frame


async def gather_bounded(coroutines, limit=40):
    """Run coroutines at most `limit` at a time (twisted listens with a backlog of 50)."""
    gate = asyncio.Semaphore(limit)

    async def one(coroutine):
        async with gate:
            return await coroutine

    return await asyncio.gather(*(one(coroutine) for coroutine in coroutines))
