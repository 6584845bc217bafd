"""daphne hands a multipart body to the application without Twisted parsing it first
(uploads/server_bodies.py: Twisted's email-parser pass held about ten times the body in memory;
docs/uploads.md). A request goes through daphne's own HTTP factory and channel, with a stand-in
for daphne's server that records what reaches the application's queue."""
import secrets

import pytest
from daphne import http_protocol
from twisted.internet.address import IPv4Address
from twisted.internet.task import Clock
from twisted.internet.testing import StringTransport
from twisted.web import http

from uploads import server_bodies

VIDEO = b"\x00\x00\x00\x18ftypisom" + b"\x00" * 300_000  # past 100 KB: Twisted spools it to a file, as a video


class ServerStandIn:
    """What daphne's requests ask of their server; the application's queue is a list."""
    root_path = ""
    request_buffer_size = 8192
    proxy_forwarded_address_header = None

    def __init__(self):
        self.requests, self.scopes, self.messages = [], [], []

    def protocol_connected(self, request):
        self.requests.append(request)

    def protocol_disconnected(self, request):
        pass

    def create_application(self, request, scope):
        self.scopes.append(scope)
        return self

    def put_nowait(self, message):
        self.messages.append(message)


def multipart_post():
    boundary = secrets.token_hex(16)
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n安全短片\r\n'.encode()
            + f'--{boundary}\r\nContent-Disposition: form-data; name="video"; filename="film.mp4"\r\n'
              "Content-Type: video/mp4\r\n\r\n".encode()
            + VIDEO + f"\r\n--{boundary}--\r\n".encode())
    head = (f"POST /upload/works/1/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\n\r\n").encode()
    return head, body


def post_through_daphne(server):
    factory = http_protocol.HTTPFactory.__new__(http_protocol.HTTPFactory)
    http.HTTPFactory.__init__(factory, reactor=Clock())  # daphne's __init__ without the global reactor
    factory.server = server
    channel = factory.buildProtocol(IPv4Address("TCP", "127.0.0.1", 40000))
    channel.makeConnection(StringTransport())
    head, body = multipart_post()
    channel.dataReceived(head)
    for start in range(0, len(body), 65536):
        channel.dataReceived(body[start:start + 65536])
    return body


@pytest.fixture
def daphne_request_class(monkeypatch):
    monkeypatch.setattr(http_protocol, "WebRequest", http_protocol.WebRequest)  # put back afterwards


def test_the_body_reaches_the_application_unparsed(daphne_request_class):
    server_bodies.leave_forms_unparsed()
    server = ServerStandIn()
    body = post_through_daphne(server)
    [request] = server.requests
    assert isinstance(request, server_bodies.UnparsedFormRequest)
    assert request.args == {}  # Twisted's parser would have put every field here
    assert server.scopes[0]["path"] == "/upload/works/1/"
    assert b"".join(message["body"] for message in server.messages) == body
    assert [message["more_body"] for message in server.messages][-2:] == [True, False]


def test_stock_daphne_parses_the_form_the_application_is_given_anyway(daphne_request_class):
    """The control: without the change Twisted parses the whole body into `args` first."""
    server = ServerStandIn()
    body = post_through_daphne(server)
    [request] = server.requests
    assert request.args[b"video"] == [VIDEO] and request.args[b"title"] == ["安全短片".encode()]
    assert b"".join(message["body"] for message in server.messages) == body
