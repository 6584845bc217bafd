"""Per-process fan-out for audiences of thousands (public games): one channel-layer subscription per
group and process instead of one per socket.

With `fanout.broadcast` each socket's channel is a group member, so a broadcast to 2000 phones
costs 2000 channel-layer sends and 2000 consumer wake-ups (and the in-memory layer scans every
channel). Here a process subscribes once per group; its pump receives each frame once and writes
the already-serialised text straight to every local socket of the group. Frames still travel
through the channel layer, so `fanout.broadcast` reaches hub members on every process (Redis).

`broadcast_personal` sends one message per group carrying a small frame per member key (a player
id); each process delivers to its local members only the frame with their key.

Members are consumers with `hub_key` (str or None) and `async def hub_frame(frame)` for personal
frames, and `ServerSendMixin`'s `write_frame`: a shared frame is built into one WebSocket frame
for all of them and written straight to each daphne socket (direct_send.py), or else sent
through the consumer's ASGI `base_send` (the server's own send, see server_send.py), one message
dict for all of them. The pump yields to the event loop every `SLICE` sockets, so other work
(pings, incoming frames) is not held up by a long delivery.
"""
import asyncio
import logging

from channels.layers import get_channel_layer

from .direct_send import text_frame
from .fanout import FRAME_EVENT, group_name
from .loops import per_loop
from .watchdog import LayerLost

PERSONAL_EVENT = "live.personal"
SLICE = 64
logger = logging.getLogger(__name__)


class Hub:
    def __init__(self):
        self.members = {}  # group -> set of consumers
        self.pumps = {}  # group -> (channel, task)
        self.lock = asyncio.Lock()

    async def join(self, game, audience, member):
        group = group_name(game, audience)
        async with self.lock:
            if group not in self.pumps:
                layer = get_channel_layer()
                try:
                    channel = await layer.new_channel(prefix="hub.")
                    # Subscribed before join() returns: a snapshot taken after it misses nothing.
                    await layer.group_add(group, channel)
                except Exception as error:  # no member and no pump left behind; the socket retries
                    raise LayerLost(f"subscribing to {group} failed") from error
                self.pumps[group] = (channel, asyncio.create_task(self._pump(layer, group, channel)))
            self.members.setdefault(group, set()).add(member)

    async def leave(self, game, audience, member):
        group = group_name(game, audience)
        async with self.lock:
            members = self.members.get(group)
            if members is None:
                return
            members.discard(member)
            if not members:
                del self.members[group]
                channel, task = self.pumps.pop(group)
                task.cancel()
                # The cancelled receive unsubscribes (channels_redis); waited for, so that it is not
                # cut short by a second cancellation or the loop's end, which logs it as an error.
                # `wait` neither cancels the task if this leave is cancelled nor raises its error.
                await asyncio.wait([task])
                await get_channel_layer().group_discard(group, channel)

    async def _pump(self, layer, group, channel):
        while True:
            message = await layer.receive(channel)
            await self._deliver(group, message)

    async def _deliver(self, group, message):
        members = list(self.members.get(group, ()))
        if message.get("type") == FRAME_EVENT:
            reply = {"type": "websocket.send", "text": message["text"]}
            frame = text_frame(message["text"])  # the WebSocket frame, built once for every socket
            for count, member in enumerate(members, 1):
                try:
                    if not member.write_frame(frame):
                        await member.base_send(reply)
                except Exception:  # one broken socket must not starve the others
                    logger.debug("hub send to a closed socket failed", exc_info=True)
                if count % SLICE == 0:
                    await asyncio.sleep(0)
        elif message.get("type") == PERSONAL_EVENT:
            frames = message["frames"]
            for count, member in enumerate(members, 1):
                frame = frames.get(member.hub_key)
                if frame is not None:
                    try:
                        await member.hub_frame(frame)
                    except Exception:
                        logger.debug("hub personal frame to a closed socket failed", exc_info=True)
                if count % SLICE == 0:
                    await asyncio.sleep(0)


local_hub = per_loop(Hub)  # the hub of the running event loop


async def broadcast_personal(game, audience, frames):
    """Send each member of the audience (on every process) its own frame: {member key: frame}."""
    await get_channel_layer().group_send(
        group_name(game, audience), {"type": PERSONAL_EVENT, "frames": {str(key): frame for key, frame in frames.items()}}
    )
