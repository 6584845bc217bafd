"""The ASGI server's own `send` for live sockets, past Channels' session middleware.

`SessionMiddleware` (in `AuthMiddlewareStack`) wraps `send` to save the session and set its
cookie on HTTP responses; on a WebSocket it only passes each message on, which still costs a
coroutine and a lazy-object lookup per frame and socket: about a sixth of the server's CPU per
question at 2000 phones (docs/performance.md). `ServerSendMiddleware`, outermost in the socket
stack, keeps the server's `send` in the scope, and `ServerSendMixin` consumers (`LiveConsumer`,
the clock) send through it.
"""
SCOPE_KEY = "live.server_send"


class ServerSendMiddleware:
    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        return await self.inner({**scope, SCOPE_KEY: send}, receive, send)


class ServerSendMixin:
    """For a consumer: send through the server's own `send` when the stack kept it."""

    async def __call__(self, scope, receive, send):
        return await super().__call__(scope, receive, scope.get(SCOPE_KEY, send))
