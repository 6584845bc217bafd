"""The one ASGI application: HTTP to Django/Wagtail, WebSocket to the live contests.

Servers run config.server, which adds the garbage-collector tuning; tests import this module.
"""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# Django must be set up before anything that imports models.
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from contests.live.server_send import ServerSendMiddleware  # noqa: E402
from contests.live.socket_auth import SocketAuthMiddlewareStack  # noqa: E402
from contests.routing import websocket_urlpatterns  # noqa: E402
from uploads.limits import BodySizeLimit  # noqa: E402

from .request_slots import RequestSlots  # noqa: E402
from .socket_origins import SiteOriginValidator  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": RequestSlots(BodySizeLimit(django_asgi_app)),
        "websocket": ServerSendMiddleware(
            SiteOriginValidator(SocketAuthMiddlewareStack(URLRouter(websocket_urlpatterns)))
        ),
    }
)
