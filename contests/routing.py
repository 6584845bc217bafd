from django.urls import path

from .consumers import ContestConsumer
from .live.clock import ClockConsumer

websocket_urlpatterns = [
    path("ws/clock/", ClockConsumer.as_asgi()),
    path("ws/contest/<int:contest>/<str:role>/", ContestConsumer.as_asgi()),
]
