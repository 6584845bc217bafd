"""kill -9 of one of two daphne processes behind one Redis, in the middle of a question, with 200
phones spread over both: the killed process's phones come back to the survivor with their token and
finish the game, and nothing that was acknowledged is lost.

On the embedded default both processes share the SQLite test file (WAL); on PostgreSQL the test
database. The channel layer is a private redis-server in both runs (`private_redis`).
"""
import asyncio
import os
import random
import signal
import time

import pytest

from contests.games.models import Player, PlayerAnswer

from .conftest import WAIT, LiveSocket, Phone, address, gather_bounded

pytestmark = pytest.mark.django_db(transaction=True)
PLAYERS = 200
KILL_AFTER_ACKS = 30  # answers the doomed process has acknowledged when it is killed
BACK_WITHIN = 15  # seconds from the kill to every phone of the killed process back and answered


def choice_for(phone, index):
    return random.Random(f"{phone.nickname}-{index}").choice("AB")


async def open_question(host, phones, index):
    await host.send("host.next")
    for frame in await gather_bounded(phone.expect("game.question") for phone in phones):
        assert frame["game"]["index"] == index and frame["game"]["phase"] == "answering"


async def answer_all(phones, index):
    async def one(phone):
        await phone.answer(index, choice_for(phone, index))
        await phone.acknowledged(index)

    await gather_bounded(one(phone) for phone in phones)


async def reveal(host, phones, index):
    await host.send("host.reveal")
    for phone in phones:
        phone.results[index] = await phone.expect("player.result", index=index)


async def answer_until_killed(phone, delay):
    """Answer after `delay`; the process may die before the answer is sent, stored or acknowledged."""
    await asyncio.sleep(delay)
    try:
        await phone.answer(1, choice_for(phone, 1))
        await phone.acknowledged(1)
    except Exception:  # the socket died under it: Closed, ConnectionClosed
        pass


async def come_back(phone, survivor):
    """Reconnect to the survivor with the token; answer question 2 unless the snapshot has the answer."""
    snapshot = await phone.rejoin(survivor)
    assert snapshot["role"] == "player" and snapshot["me"]["nickname"] == phone.nickname
    assert snapshot["game"]["index"] == 1 and snapshot["game"]["phase"] == "answering"
    stored = snapshot["me"]["choice"]
    if 1 in phone.acked:
        assert stored == phone.acked[1], "an acknowledged answer is missing after the kill"
        return "acknowledged"
    if stored is not None:
        assert stored == phone.sent[1]
        return "stored, acknowledgement lost"
    await phone.answer(1, choice_for(phone, 1))
    await phone.acknowledged(1)
    return "answered again"


async def play(phones, doomed, survivor, pin, cookie):
    """The whole game; returns what happened at the kill."""
    await gather_bounded(phone.join() for phone in phones)
    host = LiveSocket(address(survivor), f"/ws/games/{pin}/host/", cookie)
    await host.open()

    await open_question(host, phones, 0)
    await answer_all(phones, 0)
    await reveal(host, phones, 0)

    # Question 2: the survivor's phones answer at once, the doomed process's phones over a
    # second; the doomed process dies after KILL_AFTER_ACKS of them have been acknowledged.
    await open_question(host, phones, 1)
    on_doomed = [phone for phone in phones if phone.server == address(doomed)]
    on_survivor = [phone for phone in phones if phone.server == address(survivor)]
    answering = [asyncio.create_task(answer_until_killed(phone, position / len(on_doomed)))
                 for position, phone in enumerate(on_doomed)]
    survivor_answers = asyncio.create_task(answer_all(on_survivor, 1))
    deadline = time.monotonic() + WAIT
    while sum(1 in phone.acked for phone in on_doomed) < KILL_AFTER_ACKS:
        assert time.monotonic() < deadline, "the doomed process acknowledged too few answers"
        await asyncio.sleep(0.01)
    os.kill(doomed.pid, signal.SIGKILL)
    killed_at = time.monotonic()
    await asyncio.gather(*answering)
    acked_before_kill = {phone.nickname: phone.acked[1] for phone in on_doomed if 1 in phone.acked}
    outcomes = await gather_bounded(come_back(phone, address(survivor)) for phone in on_doomed)
    back_after = time.monotonic() - killed_at
    await survivor_answers
    await reveal(host, phones, 1)

    await open_question(host, phones, 2)
    await answer_all(phones, 2)
    await reveal(host, phones, 2)
    await host.send("host.finish")
    for phone in phones:
        await phone.expect("game.finished")
    for socket in [host, *phones]:
        await socket.close()
    return acked_before_kill, outcomes, back_after


def test_players_of_a_killed_process_finish_on_the_survivor_and_nothing_acknowledged_is_lost(
    private_redis, daphnes, game, host_cookie
):
    doomed, survivor = daphnes.start(), daphnes.start()
    phones = [Phone(address(doomed if number % 2 else survivor), game.pin, f"玩家{number:03d}")
              for number in range(PLAYERS)]
    acked_before_kill, outcomes, back_after = asyncio.run(play(phones, doomed, survivor, game.pin, host_cookie))
    doomed.join(timeout=10)
    assert not doomed.is_alive() and doomed.exitcode == -signal.SIGKILL
    print(f"\nacknowledged before the kill: {len(acked_before_kill)}; "
          f"after reconnecting: {sorted((o, outcomes.count(o)) for o in set(outcomes))}; "
          f"all {len(outcomes)} back on the survivor {back_after:.1f} s after the kill")
    assert len(acked_before_kill) >= KILL_AFTER_ACKS
    assert len(outcomes) == PLAYERS // 2 and outcomes.count("acknowledged") == len(acked_before_kill)
    assert back_after < BACK_WITHIN

    players = {player.nickname: player for player in Player.objects.filter(game=game)}
    assert len(players) == PLAYERS, "no duplicate (or lost) players"
    assert {phone.nickname: phone.token for phone in phones} == {n: p.token for n, p in players.items()}
    answers = {(a.player.nickname, a.question_index): a
               for a in PlayerAnswer.objects.filter(game=game).select_related("player")}
    assert len(answers) == 3 * PLAYERS
    for nickname, choice in acked_before_kill.items():
        assert answers[(nickname, 1)].choice == choice and answers[(nickname, 1)].points is not None
    for phone in phones:
        for index, choice in phone.acked.items():
            assert answers[(phone.nickname, index)].choice == choice
        points = [answers[(phone.nickname, index)].points for index in range(3)]
        assert [phone.results[index]["points"] for index in range(3)] == points
        assert players[phone.nickname].score == sum(points) == phone.results[2]["score"]
