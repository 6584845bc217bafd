"""Sockets of a public game (docs/protocol.md, "Public games"), on the shared live layer.

`/ws/games/<pin>/play/[?token=...]` a phone; `/ws/games/<pin>/screen/` the big screen (read-only,
public: it shows nothing the square cannot see); `/ws/games/<pin>/host/` the host console
(主持人 Hosts group). Sockets join the per-process hub (contests/live/hub.py) instead of one
channel-layer group membership each, so a question reaches thousands of phones as one frame.
"""
from functools import partial
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer

from core.accounts.roles import HOSTS
from contests.live.address_limits import TooManyAttempts, scope_address
from contests.live.batching import BatchWriter
from contests.live.clock import server_time_ms
from contests.live.consumer import CLOSE_REFUSED, LiveConsumer, Seat
from contests.live.fanout import broadcast
from contests.live.hub import broadcast_personal, local_hub
from contests.live.messages import error_frame, message_ref, refusal_frame
from contests.rules.public_game import clean_choice
from contests.rules.refusal import Refusal
from contests.staff import check_staff_seat

from . import frames, joins, pin_guard, runner
from .answers import Answer, writer
from .messages import PROTOCOL
from .state import game_key, played_questions


def find_games(requests):
    """The games of sockets connecting together ((pin, address, passed) each): per socket its
    game or the Refusal. A QR storm's phones are looked up in batches, on a thread that keeps its
    database connection while they keep coming, not one trip to the database thread each."""
    results = []
    for found in pin_guard.find_games(requests):
        if isinstance(found, TooManyAttempts):
            results.append(Refusal("too_many_attempts", "too many unknown PINs from this address, try again later"))
        elif found is None:
            results.append(Refusal("unknown_game", "no game with this PIN"))
        else:
            played_questions(found.pk)  # warm the per-process cache off the event loop
            results.append(found)
    return results, None


game_lookups = BatchWriter(find_games)


class GameConsumer(LiveConsumer):
    # No channel of its own: a game socket hears broadcasts only through the hub, so it needs no
    # channel-layer receive waiting beside the socket (nor, on Redis, a subscription per socket).
    channel_layer_alias = None
    protocol = PROTOCOL
    audience = None  # the hub audience this role listens to
    hub_key = None  # a player's id: which personal frames are for this socket

    async def resolve_seat(self):
        self.hub_audiences = []
        pin = self.scope["url_route"]["kwargs"]["pin"]
        self.address = scope_address(self.scope)
        self.passed = pin in pin_guard.passes(self.scope.get("cookies", {}))
        self.game = await game_lookups.call((pin, self.address, self.passed))
        self.key = game_key(self.game.pk)
        return await self.seat_for_game()

    async def dispatch(self, message):
        # Channels hops to the database thread before every message (and once more after a
        # disconnect) to close stale connections; every ORM call here goes through
        # database_sync_to_async, which does that itself, and a thousand phones answering, or
        # scanning the QR code, at once would pay the hop a thousand times.
        kind = message["type"]
        if kind == "websocket.receive":
            await self.websocket_receive(message)
        elif kind == "websocket.connect":
            await self.websocket_connect(message)
        elif kind == "websocket.disconnect":
            await self.disconnect(message["code"])  # a game socket is in no channel-layer group
            raise StopConsumer
        else:
            await super().dispatch(message)

    async def listen(self):
        await local_hub().join(self.key, self.audience, self)
        self.hub_audiences.append(self.audience)

    async def disconnect(self, code):
        for audience in getattr(self, "hub_audiences", ()):
            await local_hub().leave(self.key, audience, self)
        await super().disconnect(code)

    async def hub_frame(self, frame):
        await self.send_frame(frame)

    async def change(self, action, *args):
        """Run a host command on the locked game row, then broadcast what it returns."""
        result = await database_sync_to_async(runner.run)(self.game.pk, action, *args)
        by_audience, personal = result if isinstance(result, tuple) else (result, None)
        sent_at = server_time_ms()  # after the commit: what the fan-out latency is measured from
        await broadcast(self.key, {audience: {**frame, "sent_at": sent_at} for audience, frame in by_audience.items()})
        if personal:
            await broadcast_personal(self.key, "players", personal)


class ScreenConsumer(GameConsumer):
    audience = "screen"

    async def seat_for_game(self):
        await self.listen()
        return Seat(role="screen", game=self.key, audiences=())

    async def snapshot(self):
        return await database_sync_to_async(frames.screen_snapshot)(self.game.pk)


class HostConsumer(GameConsumer):
    audience = "host"

    async def seat_for_game(self):
        user = self.scope.get("user")
        await database_sync_to_async(check_host)(user, self.game)
        await self.listen()
        return Seat(role="host", game=self.key, audiences=(), identity={"user": user})

    async def snapshot(self):
        return await database_sync_to_async(frames.host_snapshot)(self.game.pk)

    async def msg_host_next(self, message):
        await self.change(runner.next_question)

    async def msg_host_reveal(self, message):
        await self.change(runner.reveal)

    async def msg_host_leaderboard(self, message):
        await self.change(runner.show_leaderboard)

    async def msg_host_finish(self, message):
        await self.change(runner.finish)

    async def msg_host_sound(self, message):
        await self.change(runner.set_sound, message["on"])

    async def msg_host_kick(self, message):
        await self.change(runner.kick, message["player"])

    async def msg_host_draw(self, message):
        await self.change(runner.lucky_draw, message["count"], message["min_correct"], self.seat.identity["user"])

    async def msg_host_redeem(self, message):
        frame, personal = await database_sync_to_async(runner.redeem)(
            self.game.pk, message["code"], self.seat.identity["user"]
        )
        await self.send_frame({**frame, "ref": message.get("ref")})
        await broadcast_personal(self.key, "players", personal)  # the winner's phone shows 已兑奖


def check_host(user, game):
    """The game's owner or a co-host (or a superuser), past the pages' MFA rule."""
    check_staff_seat(user, HOSTS, user is not None and game.is_hosted_by(user))


class PlayerConsumer(GameConsumer):
    """A phone. Without a token it is a visitor that may send `player.join`; with one, a player."""

    audience = "players"

    async def seat_for_game(self):
        self.answered = set()
        self.joined_snapshot = None  # taken together with the join, sent right after it
        token = parse_qs(self.scope["query_string"].decode()).get("token", [""])[0]
        if not token:
            return Seat(role="visitor", game=self.key, audiences=())
        player = await database_sync_to_async(runner.player_for_token)(self.game.pk, token)
        await self.listen()
        return self.seat_player(player.pk)

    def seat_player(self, player_id):
        self.hub_key = str(player_id)
        return Seat(role="player", game=self.key, audiences=(), identity={"player": player_id})

    async def snapshot(self):
        if self.seat.role == "visitor":
            return frames.visitor_snapshot(self.game)  # the row read a moment ago at connect
        snapshot = self.joined_snapshot or await database_sync_to_async(frames.player_snapshot)(self.seat.identity["player"])
        self.joined_snapshot = None
        if snapshot["me"]["choice"] is not None:
            self.answered.add(snapshot["game"]["index"])
        return snapshot

    async def hub_frame(self, frame):
        await self.send_frame(frame)
        if frame["type"] == "player.kicked":
            await self.close(code=CLOSE_REFUSED)

    async def msg_player_join(self, message):
        nickname, phone = message["nickname"], message.get("phone", "")
        await self.listen()  # before the snapshot is taken, so no frame falls in between
        try:
            # Stored with the other joins of its batch (joins.py); the answer comes after the commit.
            joined = await joins.join(joins.Join(self.game.pk, nickname, phone, self.address, self.passed))
            self.joined_snapshot = joined.snapshot
            try:
                await self.send_frame({"type": "player.joined", "token": joined.token, "ref": message.get("ref")})
            except BaseException:  # the phone never got its token: the join did not happen
                self.joined_snapshot = None
                await database_sync_to_async(runner.forget_player)(joined.player_id)
                raise
        except BaseException:
            self.hub_audiences.remove(self.audience)
            await local_hub().leave(self.key, self.audience, self)
            raise
        self.seat = self.seat_player(joined.player_id)
        frame = {**joined.frame, "sent_at": server_time_ms()}
        await broadcast(self.key, {"screen": frame, "host": frame})
        await self.send_snapshot()

    async def msg_player_answer(self, message):
        arrived = server_time_ms()
        index = message["index"]
        questions = played_questions(self.game.pk)
        if not 0 <= index < len(questions):
            raise Refusal("not_answering", "this question is not open for answers")
        if index in self.answered:
            raise Refusal("already_answered", "you have answered this question")
        played = questions[index]
        choice = clean_choice(message["choice"], played.labels, multiple=played.multiple)
        # Not awaited: the writer replies after the commit, in the order the answers came.
        answer = Answer(self.game.pk, self.seat.identity["player"], index, choice, arrived)
        writer.submit(answer, partial(self.answer_stored, answer, message_ref(message)))

    async def answer_stored(self, answer, ref, outcome):
        """The writer's reply once the answer's batch committed: the acknowledgement, or why not."""
        if outcome is None:
            self.answered.add(answer.index)
            await self.send_frame({"type": "answer.accepted", "index": answer.index, "choice": answer.choice, "ref": ref})
        elif isinstance(outcome, Refusal):
            await self.send_frame(refusal_frame(outcome, ref=ref))
        else:
            await self.send_frame(error_frame("internal_error", "the server could not process this message", ref=ref))
