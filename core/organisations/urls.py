from django.urls import path

from . import membership_views
from .picker import towns_json, units_json

app_name = "organisations"
urlpatterns = [
    path("towns.json", towns_json, name="towns"),
    path("units.json", units_json, name="units"),
    path("membership/", membership_views.my_units, name="membership"),
    path("membership/requests/", membership_views.requests, name="membership_requests"),
    path("membership/requests/<int:membership_id>/", membership_views.decide, name="membership_decide"),
]
