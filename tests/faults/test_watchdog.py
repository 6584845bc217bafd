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
        await asyncio.wait_for(dog.forget(socket), 5)  # bounded; the last one waits for the probes' end
    assert dog.task is None and task.cancelled()


async def test_sockets_on_the_in_process_layer_are_not_watched(quick):
    quick(InMemoryChannelLayer())
    dog, _ = await watched()
    assert dog.sockets == set() and dog.task is None


async def test_check_layer_raises_only_when_the_layer_refuses(quick):
    quick(Layer("refuse"))
    with pytest.raises(ConnectionError):
        await watchdog.check_layer()
    quick(Layer("drop"))
    await watchdog.check_layer()  # published: Redis answered, whoever listens
    quick(InMemoryChannelLayer())
    await watchdog.check_layer()


@pytest.mark.django_db(transaction=True)
async def test_a_new_socket_gets_no_seat_while_the_layer_is_unreachable(quick, game):
    """A phone holding the game's pass touches no cache and, its audience already subscribed,
    no layer: without the check it would sit on a socket that hears nothing."""
    from channels.testing import WebsocketCommunicator

    from config.asgi import application

    quick(Layer("refuse"))
    phone = WebsocketCommunicator(application, f"/ws/games/{game.pin}/play/", headers=[(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")])
    connected, _ = await phone.connect(timeout=5)
    assert connected  # accepted, then closed before any frame
    assert await phone.receive_output(timeout=5) == {"type": "websocket.close", "code": CLOSE_LAYER_LOST}
    quick(Layer("echo"))
    phone = WebsocketCommunicator(application, f"/ws/games/{game.pin}/play/", headers=[(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")])
    assert (await phone.connect(timeout=5))[0]
    assert (await phone.receive_output(timeout=5))["type"] == "websocket.send"
    await phone.disconnect()
