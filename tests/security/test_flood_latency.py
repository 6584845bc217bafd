"""One phone floods a public game while 20 others play: it is rate-limited and closed, and the
others' broadcast latency stays within the normal band. Real daphne, real sockets on loopback; the
flooder is a separate process (flooder.py) that reconnects and floods again after each close, so
the flood lasts through every measured question."""
import asyncio
import json
import math
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from websockets.asyncio.client import connect

from core.accounts.models import User
from core.accounts.roles import HOSTS
from contests.live.consumer import CLOSE_RATE_LIMITED
from tests.games.conftest import pass_cookie

PLAYERS = 20
QUESTIONS_PER_PHASE = 3
FLOOD_RATE = 1000  # frames per second the flooder aims at (it must reach over 300 on a busy machine)
WAIT = 20  # seconds: the longest any single step may take
PAUSE = 0.5  # seconds between the steps of a question, as on a stage (and so the flood overlaps them)

@pytest.fixture(autouse=True)
def fresh_played_questions():
    """Cached per process by game id, and ids repeat across rolled-back tests: clear the cache
    before daphne is forked from this process (autouse fixtures come before `asgi_server`)."""
    from contests.games import state

    state.played_questions.cache_clear()


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def make_game():
    from contests.games.models import PublicGame
    from quizzes.models import Option, Question, QuestionBank

    bank = QuestionBank.objects.create(name="洪水测试题库")
    for number in range(1 + 2 * QUESTIONS_PER_PHASE):
        question = Question.objects.create(bank=bank, stem=f"第{number + 1}题：火灾报警电话是多少？", explanation="解析")
        for position, text in enumerate(("110", "119", "120", "122")):
            Option.objects.create(question=question, text=text, is_correct=position == 1, sort_order=position)
    game = PublicGame.objects.create(title="洪水测试", bank=bank, reading_seconds=0, answer_seconds=60)
    game.fill_from_bank(1 + 2 * QUESTIONS_PER_PHASE)
    return game


def host_cookie(game):
    user = User.objects.create_user("zhuchiren", password="x")
    user.groups.add(Group.objects.get_or_create(name=HOSTS)[0])
    game.owner = user
    game.save(update_fields=["owner"])
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


class Player:
    """A phone: joins, then records when each question and reveal frame arrives."""

    def __init__(self, socket):
        self.socket, self.frames, self.token = socket, [], None
        self.arrived = asyncio.Event()

    async def join(self, nickname):
        await self.socket.send(json.dumps({"type": "player.join", "nickname": nickname}))
        while True:  # the token, then the player's snapshot
            frame = json.loads(await asyncio.wait_for(self.socket.recv(), WAIT))
            assert frame["type"] != "error", frame
            if frame["type"] == "player.joined":
                self.token = frame["token"]
            elif frame["type"] == "snapshot" and self.token:
                return

    async def read(self):
        async for text in self.socket:
            frame = json.loads(text)
            self.frames.append((time.time() * 1000, frame))
            self.arrived.set()

    async def wait_for(self, frame_type, index):
        """The latency of the frame of this type for question `index`: receipt minus the server's
        `sent_at`, taken after the commit (same machine, same clock)."""
        deadline = time.monotonic() + WAIT
        while True:
            for received_at, frame in self.frames:
                if frame["type"] == frame_type and frame["game"]["index"] == index:
                    return received_at - frame["sent_at"]
            self.arrived.clear()
            await asyncio.wait_for(self.arrived.wait(), max(0.01, deadline - time.monotonic()))


async def play_question(host, players, index):
    """Start, answer, reveal one question; the players' latencies of both broadcasts."""
    await host.send(json.dumps({"type": "host.next"}))
    latencies = list(await asyncio.gather(*(player.wait_for("game.question", index) for player in players)))
    await asyncio.sleep(PAUSE)
    for player in players:
        await player.socket.send(json.dumps({"type": "player.answer", "index": index, "choice": "B"}))
    await asyncio.sleep(PAUSE)
    await host.send(json.dumps({"type": "host.reveal"}))
    latencies += await asyncio.gather(*(player.wait_for("game.reveal", index) for player in players))
    await asyncio.sleep(PAUSE)
    return latencies


async def drain(socket):
    async for _ in socket:
        pass


async def run_game(base_url, pin, cookie, stop_file):
    sockets = base_url.replace("http", "ws") + f"/ws/games/{pin}"
    host = await connect(f"{sockets}/host/", origin=base_url, additional_headers={"Cookie": cookie}, open_timeout=WAIT)
    host_reader = asyncio.create_task(drain(host))
    players = []
    for number in range(PLAYERS + 1):
        player = Player(await connect(f"{sockets}/play/", origin=base_url, open_timeout=WAIT, max_queue=None,
                                      additional_headers={"Cookie": pass_cookie(pin)}))
        await player.join(f"玩家{number:02d}")
        players.append(player)
    flooder_seat = players.pop()  # its token goes to the flooding process
    await flooder_seat.socket.close()
    readers = [asyncio.create_task(player.read()) for player in players]

    await play_question(host, players, 0)  # warm-up: caches, first queries
    baseline, flooded = [], []
    for index in range(1, 1 + QUESTIONS_PER_PHASE):
        baseline += await play_question(host, players, index)

    flooder = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("flooder.py")), f"{sockets}/play/?token={flooder_seat.token}",
         base_url, str(stop_file), str(FLOOD_RATE)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        ready = await asyncio.wait_for(asyncio.to_thread(flooder.stdout.readline), WAIT)
        assert ready.strip() == "ready"
        await asyncio.sleep(1)  # the flood is on before the first measured question
        for index in range(1 + QUESTIONS_PER_PHASE, 1 + 2 * QUESTIONS_PER_PHASE):
            flooded += await play_question(host, players, index)
    finally:
        stop_file.touch()
        output, _ = await asyncio.to_thread(flooder.communicate, timeout=WAIT)
    for task in readers + [host_reader]:
        task.cancel()
    for socket in [host] + [player.socket for player in players]:
        await socket.close()
    return baseline, flooded, json.loads(output.strip().splitlines()[-1])


def test_one_flooding_phone_is_closed_and_the_others_keep_their_latency(asgi_server, tmp_path):
    game = make_game()
    baseline, flooded, flood = asyncio.run(run_game(asgi_server, game.pin, host_cookie(game), tmp_path / "stop"))

    closed = flood["connections"][:-1]  # the last one was still flooding when the test stopped it
    rate = sum(c["sent"] for c in closed) / sum(c["seconds"] for c in closed)  # while connected
    base_p50, base_p95 = percentile(baseline, 0.5), percentile(baseline, 0.95)
    flood_p50, flood_p95 = percentile(flooded, 0.5), percentile(flooded, 0.95)
    band = max(3 * base_p95, base_p95 + 150)
    print(
        f"\n{PLAYERS} players, {len(baseline)} broadcast receipts per phase."
        f"\nbaseline: p50 {base_p50:.0f} ms, p95 {base_p95:.0f} ms, max {max(baseline):.0f} ms"
        f"\nflooded:  p50 {flood_p50:.0f} ms, p95 {flood_p95:.0f} ms, max {max(flooded):.0f} ms (band {band:.0f} ms)"
        f"\nflooder: {flood['sent']} frames in {flood['seconds']:.1f} s over {len(flood['connections'])} connections, "
        f"{rate:.0f}/s while connected; rate_limited errors "
        f"{sum(c['rate_limited'] for c in flood['connections'])}; close codes "
        f"{sorted({c['close_code'] for c in closed})}"
    )
    assert rate > 300
    assert len(closed) >= 3, "the flood lasted through the questions, closed again and again"
    for connection in closed:
        assert connection["rate_limited_before_close"], connection
        assert connection["close_code"] == CLOSE_RATE_LIMITED, connection
    assert len(baseline) == len(flooded) == 2 * PLAYERS * QUESTIONS_PER_PHASE  # nobody missed a frame
    assert flood_p95 <= band
