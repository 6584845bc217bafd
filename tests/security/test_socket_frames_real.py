"""Hostile frames and origins against real daphne on loopback: a 1 MB frame from one phone (the
consumer's 8 KiB limit: `frame_too_large`, close 4413), a 2 MiB frame from another (over daphne's
own 1 MiB limit: daphne drops the connection before the consumer sees it) and sockets from a
foreign origin (403). The game goes on for the others and nothing is stored."""
import asyncio
import json

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from contests.live.consumer import CLOSE_TOO_LARGE

from .test_flood_latency import WAIT, Player, host_cookie, make_game

pytestmark = pytest.mark.django_db(transaction=True)

@pytest.fixture(autouse=True)
def fresh_played_questions():
    """Cached per process by game id, and ids repeat across rolled-back tests: clear the cache
    before daphne is forked from this process (autouse fixtures come before `asgi_server`)."""
    from contests.games import state

    state.played_questions.cache_clear()


async def frames_until_close(socket):
    frames = []
    try:
        async for text in socket:
            frames.append(json.loads(text))
    except ConnectionClosed:
        pass
    return frames


async def hostile_frames(base_url, pin, cookie):
    sockets = base_url.replace("http", "ws") + f"/ws/games/{pin}"
    for path in ("play/", "screen/", "host/"):
        with pytest.raises(InvalidStatus) as refused:
            await connect(f"{sockets}/{path}", origin="https://evil.example", open_timeout=WAIT,
                          additional_headers={"Cookie": cookie})
        assert refused.value.response.status_code == 403
    host = await connect(f"{sockets}/host/", origin=base_url, additional_headers={"Cookie": cookie}, open_timeout=WAIT)
    players = []
    for number in range(4):
        player = Player(await connect(f"{sockets}/play/", origin=base_url, open_timeout=WAIT, max_queue=None,
                                      max_size=None))
        await player.join(f"玩家{number}")
        players.append(player)
    attacker, giant, others = players[0], players[1], players[2:]
    await attacker.socket.send(json.dumps({"type": "player.answer", "index": 0, "choice": "A" * 1_000_000}))
    frames = await asyncio.wait_for(frames_until_close(attacker.socket), WAIT)
    try:
        await giant.socket.send(json.dumps({"type": "player.answer", "index": 0, "choice": "A" * 2 * 1024 * 1024}))
    except ConnectionClosed:  # daphne may drop the connection while the frame is still being sent
        pass
    await asyncio.wait_for(frames_until_close(giant.socket), WAIT)
    readers = [asyncio.create_task(player.read()) for player in others]
    await host.send(json.dumps({"type": "host.next"}))
    await asyncio.gather(*(player.wait_for("game.question", 0) for player in others))
    for task in readers:
        task.cancel()
    for socket in [host] + [player.socket for player in others]:
        await socket.close()
    return frames, attacker.socket.close_code, giant.socket.close_code


def test_a_megabyte_frame_closes_one_phone_and_foreign_origins_are_refused(asgi_server):
    from contests.games.models import Player, PlayerAnswer

    game = make_game()
    frames, code, giant_code = asyncio.run(hostile_frames(asgi_server, game.pin, host_cookie(game)))
    assert [frame.get("code") for frame in frames if frame["type"] == "error"] == ["frame_too_large"], (frames, code)
    assert code == CLOSE_TOO_LARGE
    assert giant_code is not None and giant_code != 1000  # dropped, not a normal close
    assert Player.objects.filter(game=game).count() == 4 and not PlayerAnswer.objects.exists()
