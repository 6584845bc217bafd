"""The ASGI server's own `send` for live sockets, past Channels' session middleware.

`SessionMiddleware` (in `AuthMiddlewareStack`) wraps `send` to save the session and set its
cookie on HTTP responses; on a WebSocket it only passes each message on, which still costs a
coroutine and a lazy-object lookup per frame and socket: about a sixth of the server's CPU per
question at 2000 phones (docs/performance.md). `ServerSendMiddleware`, outermost in the socket
stack, keeps the server's `send` in the scope, and `ServerSendMixin` consumers (`LiveConsumer`,
the clock) send through it; under daphne their text frames are written straight to the socket
(`direct_send.py`), everything else through that `send`.
"""
from autobahn.exception import Disconnected

from .direct_send import server_socket, text_frame

SCOPE_KEY = "live.server_send"


class ServerSendMiddleware:
    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        return await self.inner({**scope, SCOPE_KEY: send}, receive, send)


class ServerSendMixin:
    """For a consumer: send through the server's own `send` when the stack kept it;
    `server_socket` is daphne's socket behind it (None under other servers)."""

    async def __call__(self, scope, receive, send):
        send = scope.get(SCOPE_KEY, send)
        self.server_socket = server_socket(send)
        return await super().__call__(scope, receive, send)

    async def send(self, text_data=None, bytes_data=None, close=False):
        if text_data and bytes_data is None and not close and self.write_frame(text_frame(text_data)):
            return
        try:
            await super().send(text_data=text_data, bytes_data=bytes_data, close=close)
        except Disconnected:
            # The peer is closing (autobahn refuses the frame before daphne marks the socket gone,
            # as daphne then drops frames itself): nothing to deliver, nothing to log as a crash.
            pass

    def write_frame(self, frame):
        """Write a built WebSocket frame straight to daphne's socket; False when the ASGI `send`
        must carry the message instead."""
        return self.server_socket is not None and self.server_socket.write(frame)
