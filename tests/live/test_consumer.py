"""The base consumer's edges on the real ASGI stack: paths no game serves, and silent clients."""
import json
import logging

import pytest
from channels.testing import WebsocketCommunicator

from contests.live.consumer import CLOSE_IDLE, CLOSE_NOT_FOUND, LiveConsumer, Seat
from tests.games.conftest import connect, game, receive  # noqa: F401 (the game fixture)

pytestmark = pytest.mark.django_db(transaction=True)
SITE = [(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")]


@pytest.mark.parametrize("path", ["/ws/", "/ws/clock", "/ws/nonexistent/", "/ws/contest/-1/screen/",
                                  "/ws/contest/1/screen/extra/", "/ws/games//play/", "/", "/ws/contest/x/host/"])
async def test_an_unrouted_path_is_closed_with_4404_and_logs_no_error(path, caplog):
    from config.asgi import application

    caplog.set_level(logging.DEBUG)
    communicator = WebsocketCommunicator(application, path, headers=SITE)
    connected, _ = await communicator.connect(timeout=5)
    assert connected
    error = json.loads(await communicator.receive_from(timeout=5))
    assert (error["type"], error["code"]) == ("error", "not_found")
    closed = await communicator.receive_output(timeout=5)
    assert (closed["type"], closed["code"]) == ("websocket.close", CLOSE_NOT_FOUND)
    await communicator.wait()
    assert [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info] == []


async def test_a_socket_that_sends_nothing_is_closed_after_the_idle_time(game, monkeypatch):
    # 2 s of idleness against a ping every 0.2 s: a margin a loaded machine does not eat.
    monkeypatch.setattr(LiveConsumer, "idle_seconds", 2)
    silent = await connect(f"/ws/games/{game.pin}/screen/")
    talking = await connect(f"/ws/games/{game.pin}/screen/")
    await receive(silent), await receive(talking)
    for _ in range(15):  # 3 s or more in all: the talking one stays, the silent one is closed
        await talking.send_to(text_data='{"type": "clock.ping", "client_time": 1}')
        assert (await receive(talking))["type"] == "clock.pong"
        await talking.receive_nothing(timeout=0.2)
    assert (await silent.receive_output(timeout=1))["code"] == CLOSE_IDLE
    await talking.disconnect()


async def test_a_consumer_without_a_channel_reads_its_socket_in_a_plain_loop(game, monkeypatch):
    """No task and asyncio.wait per message (Channels' await_many_dispatch) for a game socket,
    which has no channel of its own; a consumer with a channel still waits for both."""
    import channels.consumer

    waited = []
    original = channels.consumer.await_many_dispatch

    async def spy(callables, dispatch):
        waited.append(len(callables))
        return await original(callables, dispatch)

    monkeypatch.setattr(channels.consumer, "await_many_dispatch", spy)
    screen = await connect(f"/ws/games/{game.pin}/screen/")
    assert (await receive(screen))["type"] == "snapshot"
    await screen.send_to(text_data='{"type": "clock.ping", "client_time": 1}')
    assert (await receive(screen))["type"] == "clock.pong"
    await screen.send_to(text_data='{"type": "snapshot.request"}')
    assert (await receive(screen))["type"] == "snapshot"
    await screen.disconnect()
    assert waited == []

    class WithChannel(LiveConsumer):  # the contest's and the hall's sockets have one
        async def resolve_seat(self):
            return Seat(role="screen", game="test", audiences=())

        async def snapshot(self):
            return {}

    other = WebsocketCommunicator(WithChannel.as_asgi(), "/")
    assert (await other.connect(timeout=5))[0]
    assert (await receive(other))["type"] == "snapshot"
    await other.disconnect()
    assert waited == [2]  # the client and the socket's channel
