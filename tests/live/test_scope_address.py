"""A socket's client address is the one allauth gives a page with the same headers, whatever the
proxy settings, though it is worked out once per address and header combination."""
import pytest
from django.test import RequestFactory, override_settings

from contests.live.address_limits import UNKNOWN_ADDRESS, request_address, scope_address

OTHER_HEADERS = [(b"host", b"example.org"), (b"origin", b"https://example.org"), (b"cookie", b"game_pass=x"),
                 (b"sec-websocket-key", b"dGhlIHNhbXBsZSBub25jZQ==")]
CASES = [
    ("203.0.113.5", []),
    ("10.0.0.2", [(b"x-forwarded-for", b"192.0.2.7, 203.0.113.20")]),
    ("10.0.0.2", [(b"x-forwarded-for", b"198.51.100.1")]),
    ("10.0.0.2", [(b"x-forwarded-for", b"192.0.2.1"), (b"x-forwarded-for", b"203.0.113.21")]),  # the last one counts
    ("10.0.0.2", [(b"x-real-ip", b"203.0.113.22"), (b"x-forwarded-for", b"192.0.2.8")]),
    ("10.0.0.2", [(b"X-Real-IP", b"2001:db8::1")]),
    (None, []),
    ("10.0.0.2", [(b"x-real-ip", b"not an address")]),
]
SETTINGS = [{}, {"ALLAUTH_TRUSTED_PROXY_COUNT": 1}, {"ALLAUTH_TRUSTED_CLIENT_IP_HEADER": "X-Real-IP"}]


def page_address(client, headers):
    meta = {"HTTP_" + name.decode().upper().replace("-", "_"): value.decode() for name, value in headers}
    request = RequestFactory().get("/", **meta)
    if client is None:
        del request.META["REMOTE_ADDR"]
    else:
        request.META["REMOTE_ADDR"] = client
    return request_address(request)


@pytest.mark.parametrize("overrides", SETTINGS)
def test_a_socket_has_the_address_a_page_with_its_headers_has(overrides):
    seen = set()
    with override_settings(**overrides):
        for client, headers in CASES * 2:  # the second time from what was kept
            scope = {"headers": OTHER_HEADERS + headers, "client": (client, 50000) if client else None}
            address = scope_address(scope)
            assert address == page_address(client, headers)
            seen.add(address)
    assert UNKNOWN_ADDRESS in seen and len(seen) >= 3  # the cases do tell addresses apart
