"""The real ASGI application: origin checking and the clock socket, on whichever layer is configured."""
import json

import pytest
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.conf import settings

from config.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)


async def connect(origin):
    communicator = WebsocketCommunicator(application, "/ws/clock/", headers=[(b"origin", origin), (b"host", b"localhost")])
    connected, _ = await communicator.connect(timeout=5)
    return communicator, connected


async def test_socket_from_the_sites_own_origin_is_accepted_and_answers_the_clock():
    communicator, connected = await connect(b"http://localhost")
    assert connected
    await communicator.send_to(text_data=json.dumps({"type": "clock.ping", "client_time": 123}))
    reply = json.loads(await communicator.receive_from(timeout=5))
    assert reply["type"] == "clock.pong"
    assert reply["client_time"] == 123
    assert isinstance(reply["server_time"], int)
    await communicator.disconnect()


async def test_socket_from_a_foreign_origin_is_rejected():
    communicator, connected = await connect(b"https://evil.example")
    assert not connected


async def test_bad_frames_get_typed_errors_and_the_socket_stays_open():
    communicator, connected = await connect(b"http://localhost")
    assert connected
    for frame, code in [("not json", "bad_json"), ("[1, 2]", "bad_message"), ('{"type": "nope"}', "unknown_type")]:
        await communicator.send_to(text_data=frame)
        reply = json.loads(await communicator.receive_from(timeout=5))
        assert (reply["type"], reply["code"]) == ("error", code)
    await communicator.send_to(text_data=json.dumps({"type": "clock.ping", "client_time": 1}))
    assert json.loads(await communicator.receive_from(timeout=5))["type"] == "clock.pong"
    await communicator.disconnect()


async def test_the_configured_channel_layer_carries_a_group_message():
    layer = get_channel_layer()
    expected = "RedisPubSubChannelLayer" if getattr(settings, "CHANNEL_LAYERS")["default"]["BACKEND"].endswith("PubSubChannelLayer") else "InMemoryChannelLayer"
    assert type(layer).__name__ == expected
    channel = await layer.new_channel()
    await layer.group_add("foundation-test", channel)
    await layer.group_send("foundation-test", {"type": "hello", "text": "你好"})
    message = await layer.receive(channel)
    assert message == {"type": "hello", "text": "你好"}
    await layer.group_discard("foundation-test", channel)



async def test_live_frames_skip_the_session_middlewares_send_wrapper(monkeypatch):
    """ServerSendMiddleware: frames go to the server's own send (docs/performance.md)."""
    from channels.sessions import InstanceSessionWrapper

    wrapped = []
    original = InstanceSessionWrapper.send

    async def counting_send(self, message):
        wrapped.append(message["type"])
        return await original(self, message)

    monkeypatch.setattr(InstanceSessionWrapper, "send", counting_send)
    communicator, connected = await connect(b"http://localhost")
    assert connected
    await communicator.send_to(text_data=json.dumps({"type": "clock.ping", "client_time": 5}))
    assert json.loads(await communicator.receive_from(timeout=5))["type"] == "clock.pong"
    await communicator.disconnect()
    assert wrapped == []



def probe_gc(module):
    """(frozen objects, young threshold) in a fresh process that imports `module`."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    probe = f"import gc, {module}; print(gc.get_freeze_count(), gc.get_threshold()[0])"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "site"), str(root)])}
    result = subprocess.run([sys.executable, "-c", probe], cwd=root, env=env, capture_output=True, text=True, timeout=120)
    return tuple(map(int, result.stdout.split()))


def test_the_server_process_freezes_the_application_and_collects_young_objects_less_often():
    """contests/live/gc_tuning.py, applied by config.server, the module daphne serves (a fresh
    process; not in this test process)."""
    from contests.live.gc_tuning import YOUNG_THRESHOLD

    frozen, young = probe_gc("config.server")
    assert frozen > 10_000
    assert young == YOUNG_THRESHOLD


def test_importing_the_application_alone_leaves_the_collector_as_it_is():
    """config.asgi, which tests import, tunes nothing, whatever the process (no sniffing for pytest)."""
    from contests.live.gc_tuning import YOUNG_THRESHOLD

    frozen, young = probe_gc("config.asgi")
    assert frozen == 0
    assert young != YOUNG_THRESHOLD
