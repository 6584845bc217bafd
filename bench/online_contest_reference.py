"""The benchmark's reference site (bench/online_contest.py): the project's own settings and
middleware, but one URL whose view does one INSERT. Not part of the application."""
from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from config.settings import *  # noqa: F401,F403  (the same stack, one URL)

ROOT_URLCONF = "online_contest_reference"
TABLE = "bench_reference_insert"


@csrf_exempt
def insert(request):
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE} (body) VALUES (%s)", [request.body[:200].decode("utf-8", "replace")])
    return HttpResponse("ok")


urlpatterns = [path("insert/", insert)]
