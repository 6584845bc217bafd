"""Slow and silent clients against a real daphne on loopback (docs/deploy.md, "Slow and silent
clients"): forty upgraded sockets whose peer never answers a ping, and a client that answers pings
but sends no frame, are closed within their bounds; a client that keeps talking stays."""
import asyncio
import base64
import os
import re
import socket
import time
from functools import partial
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from contests.live.consumer import CLOSE_IDLE, LiveConsumer
from tests.conftest import DAPHNE_TIMEOUTS
from tests.games.conftest import make_bank

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
# Handshakes get production's 5 s: on a loaded machine forty handshakes at once may take longer than 2 s,
# and the bounds under test are the pings' and the idle close's, not the handshake's.
SHORT = {"websocket_connect_timeout": 5, "websocket_handshake_timeout": 5, "ping_interval": 2, "ping_timeout": 2}
CHECK_EVERY = 2  # daphne checks its sockets' timeouts every 2 s
HALF_OPEN = 40
IDLE_SECONDS = 4


def test_make_run_and_the_deployment_use_the_tested_daphne_timeouts():
    flags = (f"--websocket_connect_timeout {DAPHNE_TIMEOUTS['websocket_connect_timeout']} "
             f"--ping-interval {DAPHNE_TIMEOUTS['ping_interval']} --ping-timeout {DAPHNE_TIMEOUTS['ping_timeout']}")
    assert flags in (ROOT / "Makefile").read_text()
    assert "$(DAPHNE_TIMEOUTS) config.server:application" in (ROOT / "Makefile").read_text()
    deploy = (ROOT / "docs" / "deploy.md").read_text()
    assert flags in deploy
    bound = DAPHNE_TIMEOUTS["ping_interval"] + DAPHNE_TIMEOUTS["ping_timeout"] + CHECK_EVERY
    assert re.search(rf"at most about {bound} s", deploy)
    assert f"closed with {CLOSE_IDLE} after {LiveConsumer.idle_seconds} s" in deploy


def half_open(port, path):
    """A socket that completes the WebSocket handshake, then never reads or answers a ping."""
    raw = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    raw.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:{port}\r\n\r\n").encode())
    raw.setblocking(False)
    return raw


def closed_by_server(raw):
    try:
        while True:
            if raw.recv(65536) == b"":
                return True
    except BlockingIOError:
        return False
    except OSError:
        return True


def test_half_open_and_silent_sockets_are_closed_within_their_bounds(fork_safe, monkeypatch):
    from channels.testing.live import make_application, set_database_connection
    from daphne.testing import DaphneProcess

    from contests.games.models import PublicGame

    game = PublicGame.objects.create(title="超时", bank=make_bank(), reading_seconds=0, answer_seconds=30)
    game.fill_from_bank(3)
    monkeypatch.setattr(LiveConsumer, "idle_seconds", IDLE_SECONDS)  # inherited by the forked server
    fork_safe()
    process = DaphneProcess(host="127.0.0.1", get_application=partial(make_application, static_wrapper=None),
                            setup=set_database_connection, kwargs=SHORT)
    process.start()
    try:
        assert process.ready.wait(timeout=30), "daphne did not start"
        port = process.port.value
        path = f"/ws/games/{game.pin}/screen/"
        result = asyncio.run(hold(port, path))
    finally:
        process.terminate()
        process.join(timeout=10)
    pings = SHORT["ping_interval"] + SHORT["ping_timeout"] + CHECK_EVERY + 1
    assert len(result["half_open"]) == HALF_OPEN and max(result["half_open"]) <= pings, result
    assert result["silent"] == (CLOSE_IDLE, True), result
    assert result["talking"] == "open", result


async def hold(port, path):
    url = f"ws://127.0.0.1:{port}{path}"
    origin = f"http://127.0.0.1:{port}"
    # The two real clients connect first, so the forty handshakes do not hold up theirs.
    silent = await connect(url, origin=origin, open_timeout=10)
    silent_started = time.monotonic()
    talking = await connect(url, origin=origin, open_timeout=10, max_queue=None)
    started = time.monotonic()
    raws = [half_open(port, path) for _ in range(HALF_OPEN)]
    closed, silent_close = {}, None
    deadline = started + SHORT["ping_interval"] + SHORT["ping_timeout"] + CHECK_EVERY + IDLE_SECONDS + 3
    while time.monotonic() < deadline and (len(closed) < HALF_OPEN or silent_close is None):
        for index, raw in enumerate(raws):
            if index not in closed and closed_by_server(raw):
                closed[index] = time.monotonic() - started
        if silent_close is None and silent.close_code is not None:
            silent_close = (silent.close_code, IDLE_SECONDS - 1 <= time.monotonic() - silent_started <= IDLE_SECONDS + 2)
        await talking.send('{"type": "clock.ping", "client_time": 1}')
        await asyncio.sleep(0.25)
    for raw in raws:
        raw.close()
    talking_state = "open" if talking.close_code is None else talking.close_code
    await talking.close()
    await silent.close()
    return {"half_open": list(closed.values()), "silent": silent_close, "talking": talking_state}
