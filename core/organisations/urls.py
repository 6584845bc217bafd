from django.urls import path

from .picker import towns_json, units_json

app_name = "organisations"
urlpatterns = [
    path("towns.json", towns_json, name="towns"),
    path("units.json", units_json, name="units"),
]
