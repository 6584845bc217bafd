"""No listing issues more SQL queries as it grows: the same count at 5 and at 50 items."""
from datetime import date, timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_token_read_once(monkeypatch):
    """The page cache re-reads its generation token once a second (a query on the database cache):
    read it before counting and not again, so a slow request does not count it."""
    from pagecache import generation

    monkeypatch.setattr(generation.pages, "recheck_seconds", 3600.0)
    monkeypatch.setattr(generation.pages, "token", None)


def queries_for(client, url):
    client.get(url)  # renditions are generated once, on the first view
    caches["pages"].clear()  # rendering is what is counted, not the anonymous page cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def fill_news(make_article, image, count):
    for number in range(count):
        make_article(f"新闻{number}", day=date(2019, 6, 1) + timedelta(days=number), venues=["school"],
                     areas=["fire"], lead_image=image)


def fill_cases(make_case, count):
    for number in range(count):
        make_case(f"案例{number}", township=f"镇{number % 3}", day=date(2019, 6, 1) + timedelta(days=number))


def fill_units(make_unit, image, count):
    for number in range(count):
        make_unit(f"单位{number}", venue="school", photo=image)


def fill_ads(make_ad, image, count):
    for number in range(count):
        archived = number % 2
        make_ad(f"广告{number}", starts=-30 if archived else -number, ends=-1 if archived else 30, poster=image)


def fill_hazards(make_hazard, count):
    for number in range(count):
        make_hazard(f"隐患{number}", deadline=number - 10)


def fill_everything(request, count):
    image = request.getfixturevalue("image")
    fill_news(request.getfixturevalue("make_article"), image, count)
    fill_cases(request.getfixturevalue("make_case"), count)
    fill_units(request.getfixturevalue("make_unit"), image, count)
    fill_ads(request.getfixturevalue("make_ad"), image, count)
    for number in range(count):
        request.getfixturevalue("make_event")(f"活动{number}", days_ahead=number + 1)


LISTINGS = {
    "news": ("news_index", lambda index: index.url, lambda request, n: fill_news(
        request.getfixturevalue("make_article"), request.getfixturevalue("image"), n)),
    "news by venue": ("news_index", lambda index: index.url + "venue/school/", lambda request, n: fill_news(
        request.getfixturevalue("make_article"), request.getfixturevalue("image"), n)),
    "news by venue, area and year": (
        "news_index", lambda index: index.url + "venue/school/area/fire/year/2019/", lambda request, n: fill_news(
            request.getfixturevalue("make_article"), request.getfixturevalue("image"), n)),
    "cases": ("case_index", lambda index: index.url + "?area=fire", lambda request, n: fill_cases(
        request.getfixturevalue("make_case"), n)),
    "units": ("unit_index", lambda index: index.url, lambda request, n: fill_units(
        request.getfixturevalue("make_unit"), request.getfixturevalue("image"), n)),
    "ads": ("ad_gallery", lambda index: index.url, lambda request, n: fill_ads(
        request.getfixturevalue("make_ad"), request.getfixturevalue("image"), n)),
    "hazards": ("hazard_index", lambda index: index.url, lambda request, n: fill_hazards(
        request.getfixturevalue("make_hazard"), n)),
    "home": ("home", lambda index: "/", fill_everything),
}


@pytest.mark.parametrize("listing", list(LISTINGS))
def test_constant_queries_at_5_and_50_items(client, request, listing):
    fixture, url_of, fill = LISTINGS[listing]
    index = request.getfixturevalue(fixture)
    url = url_of(index)
    fill(request, 5)
    at_5 = queries_for(client, url)
    fill(request, 45)
    at_50 = queries_for(client, url)
    assert at_5 == at_50, f"{listing}: {at_5} queries at 5 items, {at_50} at 50"
