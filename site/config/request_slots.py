"""At most HTTP_CONCURRENCY HTTP requests of one process inside Django at a time.

Django runs each request's synchronous code on a thread of its own: without a bound, a burst of
600 requests makes 600 threads that fight for the GIL and for the database pool's connections,
and the late ones fail after the pool's timeout. Here the excess waits its turn in the event
loop, in arrival order, costing nothing; WebSocket connections are not counted (they hold no
thread between frames). The bound defaults to the database pool's size (settings).
"""
import asyncio

from django.conf import settings


class RequestSlots:
    def __init__(self, app):
        self.app = app
        self.slots = None  # made in the server's event loop, at the first request

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if self.slots is None:
            self.slots = asyncio.Semaphore(settings.HTTP_CONCURRENCY)
        async with self.slots:
            return await self.app(scope, receive, send)
