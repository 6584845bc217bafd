"""Closes a process's live sockets when its channel layer (Redis) is lost, so that clients show
"reconnecting" and come back with a fresh snapshot instead of sitting on a socket that hears nothing.

Redis pub/sub keeps no messages: whatever is broadcast while this process's subscription is down
never reaches its sockets, and redis-py re-subscribes on its own once Redis is back, so without
this a page would silently miss frames and look alive but frozen. While sockets are open, every
INTERVAL the watchdog sends a probe to a channel of its own through the layer; when the send
fails or the probe has not come back within TIMEOUT, it closes every registered socket with
CLOSE_LAYER_LOST. Clients reconnect with backoff: while Redis is down a new connection is closed
the same way before it gets a seat (`check_layer`: one publish, which fails without Redis; a
socket that hears broadcasts only through the hub touches the layer nowhere else when its
audience is already subscribed), afterwards the snapshot of the new connection brings them up to
date. The in-process layer cannot be lost, so sockets on it are not watched.
"""
import asyncio
import logging

from channels.layers import InMemoryChannelLayer, get_channel_layer

from .loops import per_loop

INTERVAL = 1.0  # seconds between probes
TIMEOUT = 5.0  # seconds a probe may take to come back (generous: a busy event loop is not a lost layer)
HANDSHAKE_PROBE = "watchdog.handshake"  # a channel nobody reads: publishing there only proves Redis answers
CLOSE_LAYER_LOST = 4503  # "service unavailable": come back in a moment (daphne allows only 1000, 3000-4999)

logger = logging.getLogger(__name__)


class LayerLost(Exception):
    """The channel layer failed while a socket was being seated (Redis gone, or its client in a bad
    state just after Redis came back): the socket is closed with CLOSE_LAYER_LOST and retries."""


async def check_layer():
    """Raise if the channel layer (Redis) cannot be reached now."""
    layer = get_channel_layer()
    if layer is not None and not isinstance(layer, InMemoryChannelLayer):
        await layer.send(HANDSHAKE_PROBE, {"type": "watchdog.probe"})


class Watchdog:
    def __init__(self):
        self.sockets = set()
        self.task = None

    def watch(self, consumer):
        if isinstance(get_channel_layer(), InMemoryChannelLayer):
            return
        self.sockets.add(consumer)
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self._guard())

    async def forget(self, consumer):
        self.sockets.discard(consumer)
        if not self.sockets and self.task is not None:
            task, self.task = self.task, None
            task.cancel()
            # Until its listener has unsubscribed: left to finish in the background, the unsubscribe
            # could be cut short by the loop's end, which channels_redis logs as an error.
            await asyncio.wait([task])

    async def _guard(self):
        try:
            await self._probe_until_lost()
            reason = "a probe did not come back"
        except Exception as error:  # the layer refused a send or a subscription: Redis is gone
            reason = repr(error)
        logger.warning("channel layer lost (%s): closing %d live sockets", reason, len(self.sockets))
        sockets, self.sockets, self.task = self.sockets, set(), None
        for consumer in sockets:
            try:
                await consumer.close(code=CLOSE_LAYER_LOST)
            except Exception:
                logger.debug("closing a live socket failed", exc_info=True)

    async def _probe_until_lost(self):
        layer = get_channel_layer()
        channel = await layer.new_channel(prefix="watchdog.")
        loop = asyncio.get_running_loop()
        echoed = asyncio.Queue()

        async def listen():
            # Never cancelled between probes: cancelling a Redis pub/sub receive unsubscribes.
            while True:
                echoed.put_nowait(await layer.receive(channel))

        listener = asyncio.create_task(listen())
        try:
            while True:
                started = loop.time()
                await layer.send(channel, {"type": "watchdog.probe"})
                await asyncio.wait_for(echoed.get(), TIMEOUT)
                await asyncio.sleep(max(0.0, INTERVAL - (loop.time() - started)))
        except asyncio.TimeoutError:
            return
        finally:
            listener.cancel()
            await asyncio.wait([listener])  # its receive unsubscribes as it is cancelled


local_watchdog = per_loop(Watchdog)  # the watchdog of the running event loop
