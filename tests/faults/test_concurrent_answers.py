"""500 answers arriving within one second, over real WebSockets, at two daphne processes writing to
one database: every answer is stored and acknowledged.

On the embedded default that is the SQLite test file in WAL mode with a busy timeout, two processes
competing for its write lock (each batches its own answers: contests/live/batching.py); on
PostgreSQL the same test runs against the test database.
"""
import asyncio

import pytest
from django.conf import settings
from django.db import connection

from contests.games.models import Player, PlayerAnswer

from .conftest import LiveSocket, Phone, address, gather_bounded

pytestmark = pytest.mark.django_db(transaction=True)
ANSWERS = 500
WITHIN = 1.0  # seconds within which the answers must all have been sent
ACKED_WITHIN = 5.0  # seconds from the first answer sent to the last acknowledged
SCHEDULE = 0.8  # seconds over which they are scheduled (a busy client loop adds up to ~0.15 s)


async def burst(phones, host):
    await host.open()
    await host.send("host.next")
    assert (await host.expect("game.question"))["game"]["index"] == 0
    await gather_bounded(phone.rejoin(phone.server) for phone in phones)
    loop = asyncio.get_running_loop()
    start = loop.time() + 0.2
    sent_at = []

    async def answer(position, phone):
        await asyncio.sleep(max(0.0, start + SCHEDULE * position / len(phones) - loop.time()))
        sent_at.append(loop.time())
        await phone.answer(0, "AB"[position % 2])
        await phone.acknowledged(0)

    await asyncio.gather(*(answer(position, phone) for position, phone in enumerate(phones)))
    acked_after = loop.time() - start
    for socket in [host, *phones]:
        await socket.close()
    return max(sent_at) - min(sent_at), acked_after


def test_five_hundred_answers_within_one_second_are_all_stored(daphnes, game, host_cookie):
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert settings.DATABASES["default"]["OPTIONS"]["timeout"] >= 5  # the busy timeout, seconds
    Player.objects.bulk_create(
        Player(game=game, nickname=f"答题{number:03d}", nickname_key=f"答题{number:03d}") for number in range(ANSWERS)
    )
    one, two = daphnes.start(), daphnes.start()
    phones = []
    for number, player in enumerate(Player.objects.filter(game=game).order_by("pk")):
        phone = Phone(address(two if number % 2 else one), game.pin, player.nickname)
        phone.token = player.token
        phones.append(phone)
    host = LiveSocket(address(one), f"/ws/games/{game.pin}/host/", host_cookie)

    spread, acked_after = asyncio.run(burst(phones, host))
    print(f"\n{ANSWERS} answers sent within {spread:.2f} s, all acknowledged {acked_after:.2f} s after the first")
    assert spread <= WITHIN
    assert acked_after < ACKED_WITHIN
    stored = dict(PlayerAnswer.objects.filter(game=game, question_index=0).values_list("player__nickname", "choice"))
    assert len(stored) == ANSWERS
    assert stored == {phone.nickname: phone.acked[0] for phone in phones}
