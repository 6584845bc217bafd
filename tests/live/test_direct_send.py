"""Frames written straight to daphne's sockets (contests/live/direct_send.py), against a real
daphne on loopback: they arrive whole and in order, mixed with frames sent through the ASGI
`send`, also when the reader is slow enough that the kernel's buffer fills and Twisted's takes
the rest; under any other server the ASGI `send` is used."""
import asyncio
import functools
import json

from websockets.asyncio.client import connect

from contests.live.direct_send import server_socket, text_frame
from tests.conftest import DAPHNE_TIMEOUTS

FRAMES = 300
PAYLOAD = 64 * 1024  # 300 frames of 64 KiB: far more than loopback's socket buffers hold
READ_AFTER = 1.0  # seconds the client waits before it reads anything


async def burst_application(scope, receive, send):
    """Accepts, says whether it reached daphne's socket, then writes FRAMES numbered frames, two in
    three straight to the socket and the others through the ASGI `send`, and reports how many bytes
    Twisted still held for the socket at the end of the burst (the kernel took only part of it)."""
    assert (await receive())["type"] == "websocket.connect"
    await send({"type": "websocket.accept"})
    socket_ = server_socket(send)
    await send({"type": "websocket.send", "text": "direct" if socket_ else "plain"})
    direct = 0
    for number in range(FRAMES):
        text = f"{number}:" + chr(ord("a") + number % 26) * PAYLOAD
        if number % 3 and socket_.write(text_frame(text)):
            direct += 1
        else:
            await send({"type": "websocket.send", "text": text})
    transport = socket_.protocol.transport
    held = transport._tempDataLen + len(transport.dataBuffer) - transport.offset
    await send({"type": "websocket.send", "text": json.dumps({"direct": direct, "held": held})})
    while (await receive())["type"] != "websocket.disconnect":
        pass


def burst_app_factory():
    return burst_application


async def read_burst(port):
    async with connect(f"ws://127.0.0.1:{port}/", max_size=None, open_timeout=10) as socket_:
        first = await asyncio.wait_for(socket_.recv(), 10)
        await asyncio.sleep(READ_AFTER)  # a slow reader: the server's writes pile up meanwhile
        frames = [await asyncio.wait_for(socket_.recv(), 10) for _ in range(FRAMES)]
        report = json.loads(await asyncio.wait_for(socket_.recv(), 10))
    return first, frames, report


def test_direct_frames_arrive_whole_and_in_order_with_a_slow_reader(fork_safe):
    from daphne.testing import DaphneProcess

    process = DaphneProcess(host="127.0.0.1", get_application=burst_app_factory, kwargs=DAPHNE_TIMEOUTS)
    process.start()
    try:
        assert process.ready.wait(timeout=30), "daphne did not start"
        first, frames, report = asyncio.run(read_burst(process.port.value))
    finally:
        process.terminate()
        process.join(timeout=10)
    assert first == "direct"
    assert report["direct"] == FRAMES - len(range(0, FRAMES, 3))
    assert report["held"] > 0, "the kernel took the whole burst: the slow-reader path was not exercised"
    for number, text in enumerate(frames):
        assert text == f"{number}:" + chr(ord("a") + number % 26) * PAYLOAD, f"frame {number} out of order or damaged"


def test_other_servers_keep_the_asgi_send():
    async def send(message):
        pass

    class Server:
        async def handle_reply(self, protocol, message):
            pass

    assert server_socket(send) is None
    assert server_socket(functools.partial(Server().handle_reply, object())) is None


def test_a_text_frame_is_what_autobahn_would_send():
    assert text_frame("问") == b"\x81\x03" + "问".encode()
    long = "x" * 300
    assert text_frame(long) == b"\x81\x7e\x01\x2c" + long.encode()


def test_a_frame_for_a_closing_socket_is_dropped_without_an_error():
    """autobahn refuses a frame once the peer started closing, before daphne marks the socket gone."""
    from autobahn.exception import Disconnected

    from contests.live.server_send import ServerSendMixin

    class Closing:
        sent = []

        async def send(self, text_data=None, bytes_data=None, close=False):
            if not close:
                raise Disconnected("Attempt to send on a closed protocol")
            self.sent.append("close")

    class Consumer(ServerSendMixin, Closing):
        server_socket = None  # not daphne's socket: the ASGI send carries the frame

    consumer = Consumer()
    asyncio.run(consumer.send(text_data='{"type": "clock.pong"}'))
    asyncio.run(consumer.send(close=True))
    assert consumer.sent == ["close"]
