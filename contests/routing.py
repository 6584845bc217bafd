from django.urls import path, re_path

from .games.consumers import HostConsumer, PlayerConsumer, ScreenConsumer
from .hall.consumers import HallConsumer
from .interunit.consumers import ContestConsumer
from .live.clock import ClockConsumer
from .live.consumer import UnknownPath

websocket_urlpatterns = [
    path("ws/clock/", ClockConsumer.as_asgi()),
    path("ws/contest/<int:contest>/<str:role>/", ContestConsumer.as_asgi()),
    path("ws/games/<str:pin>/play/", PlayerConsumer.as_asgi()),
    path("ws/games/<str:pin>/screen/", ScreenConsumer.as_asgi()),
    path("ws/games/<str:pin>/host/", HostConsumer.as_asgi()),
    path("ws/hall/<int:contest>/<str:role>/", HallConsumer.as_asgi()),
    re_path(r"", UnknownPath.as_asgi()),  # last: any other path is closed with 4404, not a server error
]
