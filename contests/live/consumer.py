"""The base consumer every live game type subclasses (see README.md in this folder).

It decodes frames, limits their size and rate, resolves the connection's seat (role), joins the
seat's audience groups, sends a full snapshot for the role on connect and on request, answers
clock pings, dispatches each message type to a `msg_<type>` method and turns every failure into
a typed error frame (a Refusal into its own code): a handler error never kills the connection.
"""
import asyncio
import logging
from dataclasses import dataclass, field

from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer

from contests.rules.refusal import Refusal

from .clock import pong, server_time_ms
from .fanout import FRAME_EVENT, group_name
from .messages import MAX_FRAME_BYTES, PROTOCOL_VERSION, check, encode, error_frame, message_ref, parse, refusal_frame
from .ratelimit import TokenBucket
from .server_send import ServerSendMixin
from .watchdog import CLOSE_LAYER_LOST, LayerLost, check_layer, local_watchdog

logger = logging.getLogger(__name__)

# Close codes (docs/protocol.md, "Common").
CLOSE_REFUSED = 4403  # no seat: bad access code, not logged in, wrong group, unknown game
# A frame over MAX_FRAME_BYTES. Not RFC 6455's 1009: daphne lets an application close only with
# 1000 or 3000-4999 (any other code raised and closed with 1011 instead).
CLOSE_TOO_LARGE = 4413
CLOSE_RATE_LIMITED = 4429  # kept flooding after rate_limited errors
CLOSE_NOT_FOUND = 4404  # no live socket at this path
CLOSE_IDLE = 4408  # no frame from the client for `idle_seconds`


@dataclass
class Seat:
    """Who is on the other end: `role` ("host", "team", ...), the `game` key, the audiences whose
    broadcasts it receives, and role-specific identity (a team id, a player id)."""

    role: str
    game: str
    audiences: tuple
    identity: dict = field(default_factory=dict)


class ReceiveLoop(AsyncWebsocketConsumer):
    """Channels waits for the client and the socket's channel together (`await_many_dispatch`):
    a new task and an `asyncio.wait` for every message. A consumer with no channel of its own
    (`channel_layer_alias = None`) has only the client to wait for, and reads it in a plain loop
    (that machinery was about 5% of the server's time while a thousand phones joined,
    docs/performance.md)."""

    async def __call__(self, scope, receive, send):
        if self.channel_layer_alias is not None:
            return await super().__call__(scope, receive, send)
        self.scope, self.channel_layer, self.base_send = scope, None, send
        try:
            while True:
                await self.dispatch(await receive())
        except StopConsumer:
            pass


class LiveConsumer(ServerSendMixin, ReceiveLoop):
    rate = 10.0  # sustained frames per second per connection
    burst = 30
    max_strikes = 20  # refused frames in a row before the connection is closed
    protocol = None  # the game's schema.Protocol: the messages each role may send
    # A client must send a frame (live-client.js pings every 30 s) at least this often, or the
    # socket is closed: a silent client cannot hold a socket for ever.
    idle_seconds = 90

    async def resolve_seat(self):
        """Return the Seat of this connection (from self.scope) or raise Refusal (closes with CLOSE_REFUSED)."""
        raise NotImplementedError

    async def snapshot(self):
        """The full current state for self.seat, as a dict (sent as a `snapshot` frame)."""
        raise NotImplementedError

    # Connection ---------------------------------------------------------------------------
    async def connect(self):
        self.seat = None
        self.bucket = TokenBucket(self.rate, self.burst)
        self.strikes = 0
        self.last_frame = asyncio.get_running_loop().time()
        self.idle_timer = asyncio.get_running_loop().call_later(self.idle_seconds, self._idle_check)
        await self.accept()
        try:
            await check_layer()
        except Exception:  # Redis is down: no seat that would hear nothing; the client retries
            logger.warning("channel layer unreachable: live socket closed before its seat", exc_info=True)
            await self.close(code=CLOSE_LAYER_LOST)
            return
        try:
            seat = await self.resolve_seat()
            # Join before taking the snapshot: a change committed in between arrives as a frame
            # with a higher version, never gets lost.
            for audience in seat.audiences:
                try:
                    await self.channel_layer.group_add(group_name(seat.game, audience), self.channel_name)
                except Exception as error:
                    raise LayerLost("joining a group failed") from error
        except Refusal as refusal:
            await self.send_frame(refusal_frame(refusal))
            await self.close(code=CLOSE_REFUSED)
            return
        except LayerLost:
            logger.warning("channel layer failed: live socket closed while seated", exc_info=True)
            await self.close(code=CLOSE_LAYER_LOST)
            return
        self.seat = seat
        local_watchdog().watch(self)  # closed when the channel layer (Redis) is lost
        await self.send_snapshot()

    def _idle_check(self):
        loop = asyncio.get_running_loop()
        left = self.last_frame + self.idle_seconds - loop.time()
        if left > 0:
            self.idle_timer = loop.call_later(left, self._idle_check)
        else:
            self.idle_close = loop.create_task(self.close(code=CLOSE_IDLE))

    async def disconnect(self, code):
        if getattr(self, "idle_timer", None):
            self.idle_timer.cancel()
        await local_watchdog().forget(self)
        if getattr(self, "seat", None):
            for audience in self.seat.audiences:
                await self.channel_layer.group_discard(group_name(self.seat.game, audience), self.channel_name)

    async def dispatch(self, message):
        # Channels would hop to a thread to close stale DB connections before every message;
        # all ORM work here goes through database_sync_to_async, which does that itself.
        if message["type"] == FRAME_EVENT:
            await self.send(text_data=message["text"])
        else:
            await super().dispatch(message)

    # Incoming frames ----------------------------------------------------------------------
    async def receive(self, text_data=None, bytes_data=None):
        self.last_frame = asyncio.get_running_loop().time()
        size = len(text_data.encode("utf-8")) if text_data is not None else len(bytes_data or b"")
        if size > MAX_FRAME_BYTES:
            await self.send_frame(error_frame("frame_too_large", f"frames are limited to {MAX_FRAME_BYTES} bytes"))
            await self.close(code=CLOSE_TOO_LARGE)
            return
        if not self.bucket.take():
            self.strikes += 1
            if self.strikes > self.max_strikes:
                await self.close(code=CLOSE_RATE_LIMITED)
            else:
                await self.send_frame(error_frame("rate_limited", "too many messages, slow down"))
            return
        self.strikes = 0
        ref = None
        try:
            message = parse(text_data)
            ref = message_ref(message)
            await self.handle(check(message))
        except Refusal as refusal:
            await self.send_frame(refusal_frame(refusal, ref=ref))
        except LayerLost:  # e.g. a join subscribing this socket: the client reconnects and retries
            logger.warning("channel layer failed: live socket closed", exc_info=True)
            await self.close(code=CLOSE_LAYER_LOST)
        except Exception:
            logger.exception("live message failed: %r", (text_data or "")[:200])
            await self.send_frame(error_frame("internal_error", "the server could not process this message", ref=ref))

    async def handle(self, message):
        if self.seat is None:
            raise Refusal("not_joined", "this connection has no seat")
        declared = self.protocol.check(self.seat.role, message)
        kind = declared.type
        if kind == "clock.ping":
            await self.send_frame(pong(message))
            return
        if kind == "snapshot.request":
            await self.send_snapshot()
            return
        # The handler sees only what the schema declared (and the ref to echo).
        checked = {"type": kind, **declared.arguments(message)}
        if message_ref(message) is not None:
            checked["ref"] = message_ref(message)
        await getattr(self, "msg_" + kind.replace(".", "_").replace("-", "_"))(checked)

    # Outgoing frames ----------------------------------------------------------------------
    async def send_frame(self, frame):
        await self.send(text_data=encode(frame))

    async def send_snapshot(self):
        state = await self.snapshot()
        await self.send_frame(
            {"type": "snapshot", "v": PROTOCOL_VERSION, "role": self.seat.role, "server_time": server_time_ms(), **state}
        )


class UnknownPath(AsyncWebsocketConsumer):
    """Routed last: a path no game serves gets an error frame and close 4404, not a server error."""

    async def connect(self):
        await self.accept()
        await self.send(text_data=encode(error_frame("not_found", "there is no live socket at this address")))
        await self.close(code=CLOSE_NOT_FOUND)
