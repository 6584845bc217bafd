"""config.request_slots: a bounded number of HTTP requests inside Django per process."""
import asyncio

import pytest

from config.request_slots import RequestSlots


async def test_http_requests_beyond_the_bound_wait_their_turn_and_all_finish(settings):
    settings.HTTP_CONCURRENCY = 3
    inside, most, done = 0, 0, []

    async def app(scope, receive, send):
        nonlocal inside, most
        inside += 1
        most = max(most, inside)
        await asyncio.sleep(0.01)
        inside -= 1
        done.append(scope["n"])

    slots = RequestSlots(app)
    await asyncio.wait_for(asyncio.gather(*(slots({"type": "http", "n": n}, None, None) for n in range(20))), 10)
    assert most == 3
    assert sorted(done) == list(range(20))


async def test_websockets_are_not_counted(settings):
    settings.HTTP_CONCURRENCY = 1
    release = asyncio.Event()
    entered = []

    async def app(scope, receive, send):
        entered.append(scope["type"])
        if scope["type"] == "http":
            await release.wait()

    slots = RequestSlots(app)
    held = asyncio.ensure_future(slots({"type": "http"}, None, None))
    await asyncio.sleep(0)
    await asyncio.wait_for(slots({"type": "websocket"}, None, None), 5)
    assert entered == ["http", "websocket"]
    release.set()
    await asyncio.wait_for(held, 5)


async def test_an_error_gives_the_slot_back(settings):
    settings.HTTP_CONCURRENCY = 1

    async def app(scope, receive, send):
        if scope["fail"]:
            raise RuntimeError("boom")

    slots = RequestSlots(app)
    with pytest.raises(RuntimeError):
        await slots({"type": "http", "fail": True}, None, None)
    await asyncio.wait_for(slots({"type": "http", "fail": False}, None, None), 5)
