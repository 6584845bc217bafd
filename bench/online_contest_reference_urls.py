"""The benchmark reference's URLs: the project's (its middleware reverses some of them) and
/insert/, a bare view that does one INSERT."""
from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from config.urls import urlpatterns as project_urls

TABLE = "bench_reference_insert"


@csrf_exempt
def insert(request):
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE} (body) VALUES (%s)", [request.body[:200].decode("utf-8", "replace")])
    return HttpResponse("ok")


urlpatterns = [path("insert/", insert), *project_urls]
