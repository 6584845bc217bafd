"""Public game sockets on whichever channel layer is configured (in-memory, or Redis pub/sub)."""
import asyncio

import pytest
from asgiref.sync import sync_to_async
from channels.routing import URLRouter

from contests.games.models import Player, PlayerAnswer, Prize, PublicGame
from contests.live.clock import server_time_ms
from contests.live import hub
from contests.live.consumer import CLOSE_REFUSED
from contests.live.watchdog import CLOSE_LAYER_LOST
from contests.routing import websocket_urlpatterns

from .conftest import connect, game_host, ordered_correct, pass_header, receive, receive_until, send

pytestmark = pytest.mark.django_db(transaction=True)
# Without the auth middleware, so a test can put the host straight into the scope.
bare = URLRouter(websocket_urlpatterns)


async def host_of(game):
    host = await connect(f"/ws/games/{game.pin}/host/", bare, user=await sync_to_async(game_host)())
    assert (await receive(host))["role"] == "host"
    return host


async def screen_of(game):
    screen = await connect(f"/ws/games/{game.pin}/screen/")
    assert (await receive(screen))["role"] == "screen"
    return screen


async def join(game, nickname, seen=None):
    phone = await connect(f"/ws/games/{game.pin}/play/", headers=[pass_header(game.pin)])
    visitor = await receive(phone)
    assert visitor["role"] == "visitor" and "me" not in visitor
    await send(phone, "player.join", nickname=nickname)
    joined = await receive(phone)
    assert joined["type"] == "player.joined", joined
    snapshot = await receive(phone)
    if seen is not None:
        seen += [visitor, joined, snapshot]
    return phone, joined["token"], snapshot


async def next_question(host):
    await send(host, "host.next")
    return await receive_until(host, "game.question")


async def test_play_a_question_join_late_answer_once_and_reveal(game):
    correct = await sync_to_async(ordered_correct)(game)
    host, screen = await host_of(game), await screen_of(game)
    seen = []  # every frame a phone or the screen gets before the reveal
    ming, _, snapshot = await join(game, "阿明", seen)
    assert snapshot["me"]["nickname"] == "阿明" and snapshot["game"]["phase"] == "lobby"
    seen.append(await receive_until(screen, "game.joined"))

    question = await next_question(host)
    assert question["correct"] == correct[0]  # the host sees it
    seen.append(await receive_until(ming, "game.question"))
    seen.append(await receive_until(screen, "game.question"))
    hong, _, late = await join(game, "小红", seen)  # late join, mid-question
    assert late["question"]["stem"] and late["game"]["phase"] == "answering"

    wrong = "A" if correct[0] != "A" else "C"
    await send(ming, "player.answer", index=0, choice=correct[0], ref=1)
    accepted = await receive_until(ming, "answer.accepted", seen=seen)
    await send(ming, "player.answer", index=0, choice=wrong, ref=2)
    again = await receive_until(ming, "error", seen=seen)
    assert (again["code"], again["ref"]) == ("already_answered", 2)
    await send(hong, "player.answer", index=0, choice=wrong)
    await receive_until(hong, "answer.accepted", seen=seen)
    seen.append(await receive_until(screen, "game.answered"))
    assert accepted["choice"] == correct[0]

    for frame in seen:  # the correct answer leaves the server only at the reveal
        assert "correct" not in frame and "explanation" not in str(frame), frame
    await send(host, "host.reveal")
    reveal = await receive_until(screen, "game.reveal")
    assert reveal["correct"] == correct[0] and reveal["distribution"] == {correct[0]: 1, wrong: 1}
    mine = await receive_until(ming, "player.result")
    assert (mine["correct"], mine["rank"], mine["players"]) == (True, 1, 2) and mine["points"] > 50
    theirs = await receive_until(hong, "player.result")
    assert (theirs["correct"], theirs["points"], theirs["rank"]) == (False, 0, 2)
    assert await sync_to_async(PlayerAnswer.objects.count)() == 2
    for communicator in (host, screen, ming, hong):
        await communicator.disconnect()


async def test_every_broadcast_carries_version_and_sent_at(game):
    game.draw_pool, game.draw_repeat = PublicGame.DrawPool.EVERYONE, True  # the one player left won a podium place
    await sync_to_async(game.save)()
    correct = await sync_to_async(ordered_correct)(game)
    host, screen = await host_of(game), await screen_of(game)
    ming, _, _ = await join(game, "阿明")
    hong, _, _ = await join(game, "小红")
    await send(host, "host.next")
    await receive_until(ming, "game.question")
    await send(ming, "player.answer", index=0, choice=correct[0])
    await receive_until(ming, "answer.accepted")
    for command, player in (("host.reveal", None), ("host.leaderboard", None), ("host.kick", "hong"),
                            ("host.finish", None), ("host.draw", None)):
        fields = {"count": 1, "min_correct": 0} if command == "host.draw" else {}
        if player:
            fields["player"] = (await sync_to_async(Player.objects.get)(nickname="小红")).pk
        await send(host, command, **fields)
    for audience in (host, screen):
        frames = []
        while not frames or frames[-1]["type"] != "game.draw":
            frames.append(await receive(audience))
        kinds = {frame["type"] for frame in frames}
        assert {"game.joined", "game.question", "game.answered", "game.reveal", "game.leaderboard", "game.kicked",
                "game.draw", "game.finished"} <= kinds, kinds
        for frame in frames:
            assert isinstance(frame["version"], int) and isinstance(frame["sent_at"], int), frame
        versions = [frame["version"] for frame in frames]
        assert versions == sorted(versions)
        # The draw's seed stays with the host (and the export): the hall never sees it.
        assert ("seed" in frames[-1]) == (audience is host)
    for communicator in (host, screen, ming, hong):
        await communicator.disconnect()


async def test_a_join_whose_token_cannot_be_sent_leaves_no_player(game, monkeypatch):
    from contests.games.consumers import PlayerConsumer

    host = await host_of(game)
    send_frame = PlayerConsumer.send_frame

    async def failing(self, frame):
        if frame["type"] == "player.joined":
            raise ConnectionError("the phone went away")
        await send_frame(self, frame)

    monkeypatch.setattr(PlayerConsumer, "send_frame", failing)
    phone = await connect(f"/ws/games/{game.pin}/play/")
    await receive(phone)
    await send(phone, "player.join", nickname="幽灵")
    with pytest.raises(Exception):  # the frame failed: no token, no snapshot as a player
        while (await receive(phone, timeout=1))["type"] != "snapshot":
            pass
    assert await sync_to_async(Player.objects.count)() == 0
    monkeypatch.setattr(PlayerConsumer, "send_frame", send_frame)
    again, _, _ = await join(game, "幽灵")  # the name is free: nothing of the failed join is left
    joined = await receive_until(host, "game.joined")
    assert (joined["nickname"], joined["players"]) == ("幽灵", 1)
    await host.disconnect()


async def test_late_answer_is_refused_and_changes_nothing(game):
    game.answer_seconds = 1
    await sync_to_async(game.save)()
    host = await host_of(game)
    phone, _, _ = await join(game, "慢半拍")
    question = await next_question(host)
    deadline = question["game"]["deadline"]
    await asyncio.sleep(max(0, deadline + 50 - server_time_ms()) / 1000)  # after the deadline, before any reveal
    await send(phone, "player.answer", index=0, choice="A", ref="late")
    error = await receive_until(phone, "error")
    assert (error["code"], error["ref"]) == ("too_late", "late") and server_time_ms() > deadline
    await send(host, "host.reveal")
    await receive_until(phone, "game.reveal")
    await send(phone, "player.answer", index=0, choice="A", ref=1)
    assert ((error := await receive_until(phone, "error"))["code"], error["ref"]) == ("not_answering", 1)
    await send(phone, "player.answer", index=5, choice="A", ref=2)
    assert ((error := await receive_until(phone, "error"))["code"], error["ref"]) == ("not_answering", 2)
    assert await sync_to_async(PlayerAnswer.objects.count)() == 0
    await host.disconnect()
    await phone.disconnect()


async def test_reconnect_restores_identity_score_and_current_question(game):
    correct = await sync_to_async(ordered_correct)(game)
    host = await host_of(game)
    phone, token, _ = await join(game, "断线王")
    await next_question(host)
    await receive_until(phone, "game.question")
    await send(phone, "player.answer", index=0, choice=correct[0])
    await receive_until(phone, "answer.accepted")
    await send(host, "host.reveal")
    result = await receive_until(phone, "player.result")
    await send(host, "host.next")
    await receive_until(phone, "game.question")
    await send(phone, "player.answer", index=1, choice=correct[1])
    await receive_until(phone, "answer.accepted")
    await phone.disconnect()  # network loss after answering

    back = await connect(f"/ws/games/{game.pin}/play/?token={token}")
    snapshot = await receive(back)
    assert snapshot["role"] == "player"
    assert snapshot["me"]["nickname"] == "断线王" and snapshot["me"]["score"] == result["score"] > 0
    assert snapshot["game"]["index"] == 1 and snapshot["question"]["id"]
    assert snapshot["me"]["choice"] == correct[1]  # the answer given before the drop is kept
    await send(back, "player.answer", index=1, choice=correct[1])
    assert (await receive_until(back, "error"))["code"] == "already_answered"
    assert await sync_to_async(Player.objects.count)() == 1
    await back.disconnect()
    await host.disconnect()


async def test_kicked_player_is_closed_and_cannot_rejoin_with_the_token(game):
    host = await host_of(game)
    phone, token, snapshot = await join(game, "捣乱者")
    await send(host, "host.kick", player=snapshot["me"]["id"])
    assert (await receive_until(phone, "player.kicked"))["type"] == "player.kicked"
    assert (await phone.receive_output(timeout=5))["code"] == CLOSE_REFUSED
    again = await connect(f"/ws/games/{game.pin}/play/?token={token}")
    refused = await receive(again)
    assert (refused["type"], refused["code"]) == ("error", "kicked")
    assert (await again.receive_output(timeout=5))["code"] == CLOSE_REFUSED
    await host.disconnect()


async def test_nickname_rules_and_bad_input_on_the_socket(game):
    first, _, _ = await join(game, "Xiao Ming")
    phone = await connect(f"/ws/games/{game.pin}/play/")
    await receive(phone)
    cases = (("xiaoming", "nickname_taken"), ("主持人小王", "nickname_banned"), ("", "nickname_empty"),
             ("长" * 13, "nickname_too_long"), ("小\u200b明", "nickname_invalid"), (42, "bad_message"))
    for ref, (nickname, code) in enumerate(cases):
        await send(phone, "player.join", nickname=nickname, ref=ref)
        assert {**(await receive(phone))} | {"message": ""} == {"type": "error", "v": 1, "code": code, "ref": ref, "message": ""}
    await send(phone, "player.answer", index=0, choice="A", ref="a")
    assert ((error := await receive(phone))["code"], error["ref"]) == ("not_joined", "a")
    await send(phone, "host.next", ref="n")
    assert ((error := await receive(phone))["code"], error["ref"]) == ("forbidden", "n")
    await send(phone, "host.nope", ref="u")
    assert ((error := await receive(phone))["code"], error["ref"]) == ("unknown_type", "u")
    assert await sync_to_async(Player.objects.count)() == 1
    await first.disconnect()
    await phone.disconnect()


async def test_unknown_pin_and_non_host_are_refused(game):
    for path, code in ((f"/ws/games/000000x/play/", "unknown_game"), (f"/ws/games/{game.pin}/host/", "forbidden")):
        communicator = await connect(path)
        assert (await receive(communicator))["code"] == code
        assert (await communicator.receive_output(timeout=5))["code"] == CLOSE_REFUSED


async def test_finish_draw_and_single_use_redemption(game):
    game.draw_pool, game.draw_repeat = PublicGame.DrawPool.EVERYONE, True  # podium winners may be drawn too
    await sync_to_async(game.save)()
    correct = await sync_to_async(ordered_correct)(game)
    host = await host_of(game)
    phones = [await join(game, name) for name in ("甲", "乙", "丙", "丁")]
    await next_question(host)
    for position, (phone, _, _) in enumerate(phones):
        await send(phone, "player.answer", index=0, choice=correct[0] if position < 3 else "A" if correct[0] != "A" else "C")
        await receive_until(phone, "answer.accepted")
    await send(host, "host.reveal")
    await receive_until(host, "game.reveal")
    await send(host, "host.leaderboard")
    board = await receive_until(host, "game.leaderboard")
    assert [row["rank"] for row in board["top"]][:1] == [1] and board["players"] == 4
    await send(host, "host.finish")
    await receive_until(host, "game.finished")
    winner_prize = await receive_until(phones[0][0], "player.prize")
    assert winner_prize["reason"] == "podium"

    await send(host, "host.draw", count=5, min_correct=1)
    draw = await receive_until(host, "game.draw")
    assert len(draw["winners"]) == 3 == len(set(draw["winners"])) and draw["eligible"] == 3 and draw["seed"]
    await send(host, "host.redeem", code=winner_prize["code"].lower())
    assert (await receive_until(host, "prize.redeemed"))["code"] == winner_prize["code"]
    redeemed = await receive_until(phones[0][0], "player.prize")
    if redeemed["reason"] == "draw":  # the podium winner was drawn too (this game allows it)
        redeemed = await receive_until(phones[0][0], "player.prize")
    # The winner's phone changes to 已兑奖.
    assert redeemed["code"] == winner_prize["code"] and redeemed["redeemed"] is True
    await send(host, "host.redeem", code=winner_prize["code"])
    assert (await receive_until(host, "error"))["code"] == "already_redeemed"
    await send(host, "host.redeem", code="NOPE2345")
    assert (await receive_until(host, "error"))["code"] == "unknown_code"
    assert await sync_to_async(Prize.objects.filter(redeemed_at__isnull=False).count)() == 1
    for phone, _, _ in phones:
        await phone.disconnect()
    await host.disconnect()


async def test_many_answers_at_once_are_all_stored_exactly_once(game):
    host = await host_of(game)
    phones = [(await join(game, f"玩家{n}"))[0] for n in range(30)]
    await next_question(host)
    for phone in phones:  # every phone twice, all at once
        await send(phone, "player.answer", index=0, choice="A")
        await send(phone, "player.answer", index=0, choice="B")
    replies = await asyncio.gather(*(receive_until(p, "answer.accepted") for p in phones))
    errors = await asyncio.gather(*(receive_until(p, "error") for p in phones))
    assert {r["choice"] for r in replies} == {"A"} and {e["code"] for e in errors} == {"already_answered"}
    assert await sync_to_async(PlayerAnswer.objects.count)() == 30
    for phone in phones:
        await phone.disconnect()
    await host.disconnect()


async def test_nul_characters_are_refused_before_any_query(game, caplog):
    """PostgreSQL cannot hold or even compare a NUL character in text (SQLite can): a NUL in any
    field or key is refused as bad_message before any query (a redeem used to fail in the database)."""
    caplog.set_level("WARNING")
    host = await host_of(game)
    phone, _, _ = await join(game, "小明")
    visitor = await connect(f"/ws/games/{game.pin}/play/", headers=[pass_header(game.pin)])
    await receive(visitor)
    await next_question(host)
    for socket, kind, fields in ((visitor, "player.join", {"nickname": "a\x00b"}),
                                 (visitor, "player.join", {"nickname": "小红", "phone": "138\x00"}),
                                 (phone, "player.answer", {"index": 0, "choice": "A\x00"}),
                                 (host, "host.redeem", {"code": "\x00ABC"}),
                                 (host, "host.next", {"\x00": 1})):
        await send(socket, kind, **fields, ref=kind)
        error = await receive_until(socket, "error")
        assert (error["code"], error["ref"]) == ("bad_message", kind), error
    assert [record for record in caplog.records if record.levelno >= 40] == []
    assert await sync_to_async(Player.objects.count)() == 1
    for socket in (host, phone, visitor):
        await socket.disconnect()


async def test_a_layer_failing_while_a_socket_is_seated_closes_it_for_a_retry(game, monkeypatch, caplog):
    """Just after Redis comes back, channels_redis may fail a subscription (redis-py: "readuntil()
    called while another coroutine is already waiting"): the socket is closed with 4503, as when
    Redis is gone, so the page retries; no member is left in the hub, and the retry is seated."""
    real_layer = hub.get_channel_layer()

    class FailingLayer:
        async def new_channel(self, prefix):
            raise RuntimeError("readuntil() called while another coroutine is already waiting for incoming data")

    phone, token, _ = await join(game, "小明")
    await phone.disconnect()
    monkeypatch.setattr(hub, "get_channel_layer", FailingLayer)
    for path, message in ((f"/ws/games/{game.pin}/play/?token={token}", None),  # a player coming back
                          (f"/ws/games/{game.pin}/play/", {"nickname": "小红"})):  # a visitor joining
        phone = await connect(path, headers=[pass_header(game.pin)])
        if message:
            assert (await receive(phone))["role"] == "visitor"
            await send(phone, "player.join", **message)
        assert (await phone.receive_output(timeout=5))["code"] == CLOSE_LAYER_LOST
    assert hub.local_hub().members == {} and hub.local_hub().pumps == {}
    assert [record for record in caplog.records if record.levelno >= 40] == []

    monkeypatch.setattr(hub, "get_channel_layer", lambda: real_layer)
    phone = await connect(f"/ws/games/{game.pin}/play/?token={token}", headers=[pass_header(game.pin)])
    assert (await receive(phone))["me"]["nickname"] == "小明"
    await phone.disconnect()
