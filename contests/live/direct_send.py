"""Live frames written straight to daphne's sockets: a broadcast's WebSocket frame built once, and
written without Twisted's per-write round trip through the event loop.

Through daphne's ASGI `send`, every frame to every socket passes daphne's `handle_reply`,
autobahn's `sendMessage` (which builds the frame's header again for each socket) and Twisted's
`write`, which only buffers the bytes and registers the socket with the selector for writing; the
next turn of the loop sends them and unregisters it, two `epoll_ctl` calls per frame and socket.
At 2000 phones that was most of the server's CPU per question (py-spy: Twisted's write 42% of the
delivery, of which the selector registration 35%; autobahn's framing 24%; daphne 19%;
docs/performance.md).

daphne hands the application `functools.partial(server.handle_reply, protocol)` as `send`;
`server_socket(send)` finds the protocol (autobahn's) behind it, and `ServerSocket.write(frame)`
writes an already-built frame (`text_frame`): straight to the kernel with Twisted's own
`writeSomeData` when nothing of this socket's is waiting in Twisted's or autobahn's buffers, so
frames keep their order; whatever the kernel does not take (a slow reader), or everything when
something is already waiting, goes through Twisted's `write` and its buffer as before, so a slow
or silent client is handled exactly as with the plain path (docs/deploy.md). It writes only to an
open socket over plain TCP without compression and otherwise returns False: the caller then uses
the ASGI `send`, which stays the path for every other server, message and state.
"""
import functools
import sys

from autobahn.websocket.protocol import PreparedMessage, WebSocketProtocol
from twisted.internet import tcp


def text_frame(text):
    """The unmasked, uncompressed WebSocket frame of a text message: what a server sends."""
    return PreparedMessage(text.encode("utf-8"), isBinary=False, applyMask=False, doNotCompress=True).payloadHybi


def server_socket(send):
    """The `ServerSocket` behind an ASGI `send` made by daphne, or None for any other server."""
    daphne_server = sys.modules.get("daphne.server")  # not imported: not served by daphne
    if daphne_server is None or not isinstance(send, functools.partial) or len(send.args) != 1:
        return None
    if getattr(send.func, "__func__", None) is not daphne_server.Server.handle_reply:
        return None
    protocol = send.args[0]
    return ServerSocket(protocol) if isinstance(protocol, WebSocketProtocol) else None


class ServerSocket:
    def __init__(self, protocol):
        self.protocol = protocol

    def write(self, frame):
        """Send `frame` (bytes of a whole WebSocket frame); False if this socket cannot take it
        this way (not open, compressed, not plain TCP): send it through the ASGI `send` then."""
        protocol = self.protocol
        transport = protocol.transport
        if (
            protocol.state != WebSocketProtocol.STATE_OPEN
            or protocol._perMessageCompress is not None
            or not isinstance(transport, tcp.Connection)
            or not transport.connected
            or transport._writeDisconnected
        ):
            return False
        if protocol.send_queue:  # autobahn's own queued writes go first
            protocol.sendData(frame)
            return True
        protocol.trafficStats.outgoingOctetsWireLevel += len(frame)
        if transport._tempDataLen or transport.offset < len(transport.dataBuffer):
            transport.write(frame)  # behind the bytes Twisted still holds for this socket
        else:
            sent = transport.writeSomeData(frame)
            if not isinstance(sent, int):  # the connection is lost: Twisted finds out on its write
                transport.write(frame)
            elif sent < len(frame):
                transport.write(frame[sent:])  # the kernel's buffer is full: Twisted waits for room
        return True
