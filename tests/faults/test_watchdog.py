"""The live layer's watchdog on its own: which failures close the sockets, and which do not."""
import asyncio

import pytest
from channels.layers import InMemoryChannelLayer

from contests.live import watchdog
from contests.live.watchdog import CLOSE_LAYER_LOST, Watchdog


class Socket:
    def __init__(self):
        self.closed_with = None

    async def close(self, code):
        self.closed_with = code


class Layer:
    """A channel layer that echoes probes, or silently drops them, or refuses to send."""

    def __init__(self, mode="echo"):
        self.mode = mode
        self.queue = asyncio.Queue()

    async def new_channel(self, prefix):
        return prefix + "1"

    async def send(self, channel, message):
        if self.mode == "refuse":
            raise ConnectionError("Redis is gone")
        if self.mode == "echo":
            self.queue.put_nowait(message)

    async def receive(self, channel):
        return await self.queue.get()


@pytest.fixture
def quick(monkeypatch):
    monkeypatch.setattr(watchdog, "INTERVAL", 0.01)
    monkeypatch.setattr(watchdog, "TIMEOUT", 1.0)  # a loaded CI machine may stall the loop a little

    def use(layer):
        monkeypatch.setattr(watchdog, "get_channel_layer", lambda: layer)
        return layer

    return use


async def watched(count=3):
    dog, sockets = Watchdog(), [Socket() for _ in range(count)]
    for socket in sockets:
        dog.watch(socket)
    return dog, sockets


@pytest.mark.parametrize("mode", ["refuse", "drop"])
async def test_a_refused_or_lost_probe_closes_every_socket_with_4503(quick, mode):
    quick(Layer(mode))
    dog, sockets = await watched()
    for _ in range(250):
        if all(socket.closed_with for socket in sockets):
            break
        await asyncio.sleep(0.02)
    assert [socket.closed_with for socket in sockets] == [CLOSE_LAYER_LOST] * 3
    assert dog.sockets == set() and dog.task is None


async def test_a_working_layer_closes_nothing_and_the_last_socket_stops_the_probes(quick):
    quick(Layer("echo"))
    dog, sockets = await watched()
    await asyncio.sleep(1.5)  # many probe rounds, each answered well within TIMEOUT
    assert [socket.closed_with for socket in sockets] == [None] * 3
    task = dog.task
    for socket in sockets:
        dog.forget(socket)
    assert dog.task is None
    await asyncio.wait([task], timeout=1)
    assert task.cancelled()


async def test_sockets_on_the_in_process_layer_are_not_watched(quick):
    quick(InMemoryChannelLayer())
    dog, _ = await watched()
    assert dog.sockets == set() and dog.task is None
