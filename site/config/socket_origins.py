"""Which pages may open a live socket: the site's own origin only (scheme, host and port as the
browser used them), or one listed in CSRF_TRUSTED_ORIGINS, as Django's CSRF check decides for
forms. Channels' AllowedHostsOriginValidator compares host names only, so a page served from
any port or scheme of an allowed host (`http://127.0.0.1:1`) could talk to the sockets.
"""
from urllib.parse import urlsplit

from channels.security.websocket import OriginValidator, WebsocketDenier
from django.conf import settings
from django.http.request import is_same_domain, split_domain_port, validate_host

DEFAULT_PORTS = {"http": 80, "https": 443}


def normalised(origin):
    """(scheme, host, port) of an origin such as `https://example.com`, or None if it is not one."""
    try:
        parts = urlsplit(origin.strip().lower())
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path or parts.query:
        return None
    return parts.scheme, parts.hostname, port


def _secure(headers):
    """As Django's request.is_secure(): behind the proxy, the header it sets says so."""
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if not proxy_header:
        return False
    name, value = proxy_header
    wanted = name.removeprefix("HTTP_").replace("_", "-").lower().encode("latin1")
    return headers.get(wanted, b"").decode("latin1").split(",")[0].strip() == value


def own_origin(scope, headers):
    """The origin of the site's pages as this socket's client reached the site."""
    host = headers.get(b"host", b"").decode("latin1")
    domain, _ = split_domain_port(host)
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return None
    secure = scope.get("scheme") == "wss" or _secure(headers)
    return normalised(f"{'https' if secure else 'http'}://{host}")


def trusted(origin):
    for pattern in settings.CSRF_TRUSTED_ORIGINS:
        scheme, _, host = pattern.lower().partition("://")
        if host.startswith("*."):  # Django's wildcard: the domain and its subdomains
            wildcard = normalised(f"{scheme}://{host[2:]}")
            if wildcard and origin[0::2] == wildcard[0::2] and is_same_domain(origin[1], "." + wildcard[1]):
                return True
        elif normalised(pattern) == origin:
            return True
    return False


class SiteOriginValidator(OriginValidator):
    """Refuses the handshake (HTTP 403) unless the Origin header is the site's own origin."""

    def __init__(self, application):
        super().__init__(application, allowed_origins=())

    async def __call__(self, scope, receive, send):
        headers = dict(scope.get("headers", ()))
        origin = normalised(headers.get(b"origin", b"").decode("latin1"))
        if origin is not None and (origin == own_origin(scope, headers) or trusted(origin)):
            return await self.application(scope, receive, send)
        return await WebsocketDenier()(scope, receive, send)
