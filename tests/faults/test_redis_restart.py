"""Redis dies in the middle of a question and comes back on the same port: the phones are told
(their sockets close with 4503, so the page says "reconnecting"), cannot reconnect while Redis is
down, and carry on within a few seconds of its return, across two daphne processes."""
import asyncio
import time

import pytest

from contests.games.models import PlayerAnswer

from .conftest import LiveSocket, Phone, address, gather_bounded

pytestmark = pytest.mark.django_db(transaction=True)
PHONES = 20
NOTICED_WITHIN = 5  # seconds from Redis's death to every socket closed
RESUMED_WITHIN = 8  # seconds from Redis's return to every phone back, answered and revealed to
CLOSE_LAYER_LOST = 4503  # contests/live/watchdog.py


async def all_closed(sockets, timeout):
    return await asyncio.gather(*(socket.closed(timeout) for socket in sockets))


async def play_through_the_outage(phones, host, redis):
    await gather_bounded(phone.join() for phone in phones)
    await host.open()
    await host.send("host.next")
    for phone in phones:
        assert (await phone.expect("game.question"))["game"]["index"] == 0
    early, late = phones[: PHONES // 2], phones[PHONES // 2:]
    for phone in early:
        await phone.answer(0, "A")
        await phone.acknowledged(0)

    redis.kill()
    died_at = time.monotonic()
    codes = await all_closed([host, *phones], NOTICED_WITHIN)
    noticed = time.monotonic() - died_at
    assert set(codes) == {CLOSE_LAYER_LOST}
    with pytest.raises(AssertionError, match="could not open"):
        await phones[0].rejoin(phones[0].server, attempts=2)  # no seat without the channel layer

    redis.start()
    back_at = time.monotonic()
    snapshots = await gather_bounded(phone.rejoin(phone.server) for phone in phones)
    for phone, snapshot in zip(phones, snapshots):
        assert snapshot["game"]["index"] == 0 and snapshot["game"]["phase"] == "answering"
        assert snapshot["me"]["choice"] == phone.acked.get(0)
    await host.open_retrying()
    for phone in late:
        await phone.answer(0, "B")
        await phone.acknowledged(0)
    await host.send("host.reveal")
    for phone in phones:
        await phone.expect("player.result", index=0)
    resumed = time.monotonic() - back_at
    for socket in [host, *phones]:
        await socket.close()
    return noticed, resumed


def test_a_redis_restart_mid_question_closes_sockets_and_the_game_resumes(private_redis, daphnes, game, host_cookie):
    one, two = daphnes.start(), daphnes.start()
    phones = [Phone(address(two if number % 2 else one), game.pin, f"手机{number:02d}") for number in range(PHONES)]
    host = LiveSocket(address(one), f"/ws/games/{game.pin}/host/", host_cookie)
    noticed, resumed = asyncio.run(play_through_the_outage(phones, host, private_redis))
    print(f"\nsockets closed {noticed:.1f} s after Redis died; game resumed {resumed:.1f} s after it returned")
    assert noticed < NOTICED_WITHIN
    assert resumed < RESUMED_WITHIN
    assert PlayerAnswer.objects.filter(game=game, question_index=0).count() == PHONES
