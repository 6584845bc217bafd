"""Joins stored in batches (contests/games/joins.py): phones joining at the same moment share a
batch, and each hears `player.joined` only once its player is committed; the nickname rule and
the join limit hold inside a batch; a phone gone before its batch committed leaves no player."""
import asyncio

import pytest
from asgiref.sync import sync_to_async

from contests.games import frames, joins
from contests.games.models import Player

from .conftest import connect, receive, receive_until, send

pytestmark = pytest.mark.django_db(transaction=True)


def stored(game):
    return {player.token: player.nickname for player in Player.objects.filter(game=game)}


async def visitor(game, address="198.51.100.7"):
    phone = await connect(f"/ws/games/{game.pin}/play/", address=address)
    assert (await receive(phone))["role"] == "visitor"
    return phone


async def join_together(phones, nicknames):
    """Send every phone's join before reading any answer: they reach the writer together."""
    for phone, nickname in zip(phones, nicknames):
        await send(phone, "player.join", nickname=nickname, ref=nickname)
    return [await receive(phone) for phone in phones]


async def test_phones_joining_together_are_each_stored_before_they_hear_it(game, monkeypatch):
    batches = []
    flush = joins.writer.flush
    monkeypatch.setattr(joins.writer, "flush", lambda items: batches.append(len(items)) or flush(items))
    screen = await connect(f"/ws/games/{game.pin}/screen/")
    await receive(screen)
    phones = [await visitor(game) for _ in range(6)]
    answers = await join_together(phones, [f"玩家{n}" for n in range(6)])
    assert max(batches) > 1  # they did share a batch
    players = await sync_to_async(stored)(game)
    for number, answer in enumerate(answers):
        assert answer["type"] == "player.joined"
        assert players[answer["token"]] == f"玩家{number}"  # committed when the phone heard of it
    snapshots = [await receive(phone) for phone in phones]
    assert sorted(snapshot["me"]["nickname"] for snapshot in snapshots) == sorted(players.values())
    assert all(snapshot["me"]["players"] == 6 and snapshot["me"]["rank"] == 1 for snapshot in snapshots)
    for snapshot in snapshots:  # built for the whole batch at once, as a reconnecting phone's would be
        rebuilt = await sync_to_async(frames.player_snapshot)(snapshot["me"]["id"])
        assert {key: value for key, value in snapshot.items() if key not in ("type", "v", "role", "server_time")} == rebuilt
    counts = [(await receive_until(screen, "game.joined"))["players"] for _ in range(6)]
    assert counts == [1, 2, 3, 4, 5, 6]
    for phone in [screen, *phones]:
        await phone.disconnect()


async def test_one_nickname_twice_in_one_batch_is_one_player(game):
    phones = [await visitor(game) for _ in range(3)]
    answers = await join_together(phones, ["小明", "xiao ming", "Xiao Ming"])
    codes = [answer.get("code", answer["type"]) for answer in answers]
    assert codes[0] == "player.joined"
    assert sorted(codes[1:]) == ["nickname_taken", "player.joined"]  # whichever the batch saw first
    names = sorted((await sync_to_async(stored)(game)).values())
    assert names[1] == "小明" and names[0] in ("xiao ming", "Xiao Ming")
    for phone in phones:
        await phone.disconnect()


async def test_the_join_limit_holds_inside_a_batch(game, settings):
    settings.GAME_JOINS_PER_ADDRESS = 2
    phones = [await visitor(game, address="203.0.113.9") for _ in range(4)]
    answers = await join_together(phones, [f"假{n}" for n in range(4)])
    assert sorted(answer.get("code", answer["type"]) for answer in answers) == [
        "player.joined", "player.joined", "too_many_joins", "too_many_joins"]
    assert len(await sync_to_async(stored)(game)) == 2
    for phone in phones:
        await phone.disconnect()


async def test_a_phone_gone_before_its_batch_committed_leaves_no_player(game, monkeypatch):
    release = asyncio.Event()
    drain = joins.writer._drain

    async def held_drain():
        await release.wait()  # the batch is held until the phone has gone
        await drain()

    monkeypatch.setattr(joins.writer, "_drain", held_drain)
    phone = await visitor(game)
    await send(phone, "player.join", nickname="小明", ref="j")
    await asyncio.sleep(0.2)
    await phone.disconnect()  # cancels the socket's wait for its join
    release.set()
    for _ in range(50):  # bounded: the undo runs once the batch has committed
        await asyncio.sleep(0.1)
        if not joins.writer.followers and not joins.writer.queue:
            break
    assert await sync_to_async(stored)(game) == {}
    again = await visitor(game)
    await send(again, "player.join", nickname="小明", ref="j2")
    assert (await receive(again))["type"] == "player.joined"  # the name is free again
    await again.disconnect()


async def test_a_phone_connects_joins_and_leaves_without_a_hop_to_the_database_thread(game, monkeypatch):
    """A QR storm's phones do not queue on the shared database thread for Channels' closing of
    stale connections (every ORM call of a game socket runs on a thread that does it itself)."""
    from channels import consumer
    from channels.generic import websocket

    hops = []

    async def counted():
        hops.append(1)

    monkeypatch.setattr(consumer, "aclose_old_connections", counted)
    monkeypatch.setattr(websocket, "aclose_old_connections", counted)
    phone = await visitor(game)
    answer = (await join_together([phone], ["扫码"]))[0]
    assert answer["type"] == "player.joined"
    assert (await receive(phone))["type"] == "snapshot"
    await phone.disconnect()
    assert hops == []
    assert await sync_to_async(Player.objects.filter(game=game, nickname="扫码").exists)()
