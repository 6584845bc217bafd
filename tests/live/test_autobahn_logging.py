import pytest
import txaio
from autobahn.twisted import websocket as twisted_websocket
from autobahn.websocket import protocol

from contests.live import autobahn_logging


@pytest.fixture
def restored(monkeypatch):
    """Whatever the test replaces in autobahn's modules is put back afterwards."""
    for module in (protocol, twisted_websocket):
        for name in (*autobahn_logging.COLOURING, "pformat"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, getattr(module, name))
    level = txaio.get_global_log_level()
    yield
    txaio.set_global_log_level(level)


def test_debug_arguments_are_not_built_when_debug_is_off(restored):
    txaio.set_global_log_level("info")
    autobahn_logging.skip_debug_arguments()
    assert protocol.hlval(500) == 500
    assert protocol.hltype(protocol.WebSocketProtocol.sendData) is protocol.WebSocketProtocol.sendData
    assert twisted_websocket.hlval("tcp4:127.0.0.1:1") == "tcp4:127.0.0.1:1"
    assert protocol.pformat([("openHandshakeTimeout", 5, "Factory")]) == "[('openHandshakeTimeout', 5, 'Factory')]"


def test_debug_arguments_stay_when_debug_is_on(restored):
    txaio.set_global_log_level("debug")
    before = protocol.hlval, twisted_websocket.hltype, protocol.pformat
    autobahn_logging.skip_debug_arguments()
    assert (protocol.hlval, twisted_websocket.hltype, protocol.pformat) == before
    assert protocol.hlval(500) != 500  # coloured text, as autobahn writes it
