"""Server clock sync: clients measure their offset to the server so all countdowns agree."""
import time

from channels.generic.websocket import AsyncWebsocketConsumer

from contests.rules.refusal import Refusal

from .messages import PROTOCOL_VERSION, check, encode, message_ref, parse, refusal_frame
from .schema import CLOCK_PING, Protocol
from .server_send import ServerSendMixin


def server_time_ms():
    return int(time.time() * 1000)


def pong(message):
    """Answer a `clock.ping`; the client computes offset = server_time - (sent + received) / 2."""
    return {
        "type": "clock.pong",
        "v": PROTOCOL_VERSION,
        "client_time": message.get("client_time"),
        "server_time": server_time_ms(),
    }


class ClockConsumer(ServerSendMixin, AsyncWebsocketConsumer):
    """`/ws/clock/`: open to anyone from an allowed origin; answers pings with the server time."""

    protocol = Protocol({"clock": ()}, common=(CLOCK_PING,))

    async def receive(self, text_data=None, bytes_data=None):
        ref = None
        try:
            message = parse(text_data)
            ref = message_ref(message)
            check(message)
            self.protocol.check("clock", message)
            reply = pong(message)
        except Refusal as refusal:
            reply = refusal_frame(refusal, ref=ref)
        await self.send(text_data=encode(reply))


def deadline_ms(seconds, now_ms=None):
    """An absolute server instant (epoch milliseconds) `seconds` from now: what clients count down to."""
    return (server_time_ms() if now_ms is None else now_ms) + int(seconds * 1000)


def is_past(deadline, now_ms=None):
    return deadline is not None and (server_time_ms() if now_ms is None else now_ms) > deadline
