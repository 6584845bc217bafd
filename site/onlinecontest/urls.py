"""A set's own requests, beside the contest page (config/urls.py mounts them at /online-contest/):
plain Django URLs, so they skip Wagtail's site and page routing (play.py says why)."""
from django.urls import path

from . import play

app_name = "onlinecontest"

urlpatterns = [
    path("<int:page_id>/start/", play.start, name="start"),
    path("attempt/<uuid:token>/", play.attempt_view, name="attempt"),
    path("attempt/<uuid:token>/events/", play.record_event, name="events"),
]
