"""Autobahn's debug-log arguments, not built when debug logging is off (called by config/server.py).

Daphne's WebSocket protocol is autobahn's, and autobahn builds the arguments of its debug log
calls before its logger drops them: for every frame written to a socket, `sendData` colours the
method name, the peer and the size with click (`hltype`, `hlval`: about 16 µs, so 30 ms of server
CPU per question sent to 2000 phones), and for every handshake it pretty-prints the socket's
configuration with `pformat` (about a sixth of the event loop's time while phones join; both
found with py-spy, docs/performance.md). With debug logging off those strings are thrown away
unread, so `skip_debug_arguments()` replaces the helpers in autobahn's protocol modules with
cheap ones: the argument itself for the colouring helpers, `repr` for `pformat` (a plain string
still, for the one caller that returns it as text). With debug logging on nothing changes.
"""
import txaio
from autobahn.twisted import websocket as twisted_websocket
from autobahn.websocket import protocol

COLOURING = ("hl", "hlid", "hltype", "hlval")
VERBOSE_LEVELS = ("debug", "trace")


def _as_is(value, *args, **kwargs):
    return value


def skip_debug_arguments():
    """Replace autobahn's log-argument helpers unless its log level shows debug messages."""
    if txaio.get_global_log_level() in VERBOSE_LEVELS:
        return
    for module in (protocol, twisted_websocket):
        for name in COLOURING:
            if hasattr(module, name):
                setattr(module, name, _as_is)
    protocol.pformat = repr
