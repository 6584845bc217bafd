"""Live sockets accept the site's own origin only: scheme, host and port as the browser used them
(site/config/socket_origins.py), or one listed in CSRF_TRUSTED_ORIGINS."""
import pytest
from channels.testing import WebsocketCommunicator


async def accepted(origin, host="127.0.0.1:8000", **headers):
    from config.asgi import application

    sent = [(b"host", host.encode())] if host else []
    if origin is not None:
        sent.append((b"origin", origin.encode()))
    sent += [(name.replace("_", "-").encode(), value.encode()) for name, value in headers.items()]
    communicator = WebsocketCommunicator(application, "/ws/clock/", headers=sent)
    connected, _ = await communicator.connect(timeout=5)
    await communicator.disconnect()
    return connected


@pytest.mark.django_db
async def test_only_the_sites_own_scheme_host_and_port_may_open_a_socket():
    assert await accepted("http://127.0.0.1:8000")
    assert await accepted("HTTP://127.0.0.1:8000")
    assert await accepted("http://localhost", host="localhost")
    assert await accepted("http://localhost:80", host="localhost")
    for origin, host in [
        ("http://127.0.0.1:1", "127.0.0.1:8000"),  # another port of an allowed host
        ("http://127.0.0.1", "127.0.0.1:8000"),
        ("https://127.0.0.1:8000", "127.0.0.1:8000"),  # another scheme
        ("http://localhost:8000", "127.0.0.1:8000"),  # another allowed host
        ("https://evil.example", "127.0.0.1:8000"),
        ("http://evil.example", "evil.example"),  # the host must be allowed too
        ("null", "127.0.0.1:8000"),
        ("", "127.0.0.1:8000"),
        ("http://127.0.0.1:8000/path", "127.0.0.1:8000"),
        ("http://127.0.0.1:99999", "127.0.0.1:99999"),
        ("http://127.0.0.1:8000", ""),  # no Host header
        (None, "127.0.0.1:8000"),  # no Origin header
    ]:
        assert not await accepted(origin, host), (origin, host)


@pytest.mark.django_db
async def test_behind_the_tls_proxy_the_origin_is_https_and_trusted_origins_are_accepted(settings):
    settings.ALLOWED_HOSTS = ["safety.example.org"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.CSRF_TRUSTED_ORIGINS = ["https://app.example.org", "https://*.example.net"]
    assert await accepted("https://safety.example.org", host="safety.example.org", x_forwarded_proto="https")
    assert not await accepted("http://safety.example.org", host="safety.example.org", x_forwarded_proto="https")
    assert not await accepted("https://safety.example.org", host="safety.example.org")  # plain http reached it
    assert await accepted("https://app.example.org", host="safety.example.org")
    assert await accepted("https://live.example.net", host="safety.example.org")
    assert await accepted("https://example.net", host="safety.example.org")
    for origin in ("http://app.example.org", "https://app.example.org:8443", "https://evil-example.net",
                   "https://example.net.evil.example"):
        assert not await accepted(origin, host="safety.example.org"), origin
