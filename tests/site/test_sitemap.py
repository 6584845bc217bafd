"""sitemap.xml lists each index page's non-empty filter pages, next to the pages themselves."""
import re
from datetime import date

import pytest

pytestmark = pytest.mark.django_db


def locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return set(re.findall(r"<loc>([^<]+)</loc>", response.content.decode()))


def test_news_filter_pages_with_articles_are_listed(client, news_index, make_article):
    make_article("学校消防", day=date(2019, 6, 3), venues=["school"], areas=["fire"])
    make_article("企业危化品", day=date(2018, 6, 3), venues=["enterprise"], areas=["hazardous-chemicals"])
    draft = make_article("草稿", day=date(2017, 6, 3), venues=["office"], areas=["construction"])
    draft.unpublish()
    found = locations(client)
    base = news_index.full_url
    assert base in found
    for suffix in ("venue/school/", "venue/enterprise/", "area/fire/", "area/hazardous-chemicals/", "year/2019/", "year/2018/"):
        assert base + suffix in found, suffix
    for suffix in ("venue/office/", "area/construction/", "year/2017/", "venue/family/"):
        assert base + suffix not in found, suffix
    for url in [url for url in found if url.startswith(base)]:
        assert client.get(url).status_code == 200, url


def test_case_filter_pages_with_cases_are_listed(client, case_index, make_case):
    make_case("消防案例", area="fire", township="塘下镇", day=date(2019, 6, 5), fine=5000)
    make_case("停产案例", area="construction", township="陶山镇", day=date(2018, 3, 1), fine=0, suspended=True)
    found = locations(client)
    base = case_index.full_url
    expected = {"?area=fire", "?area=construction", "?township=%E5%A1%98%E4%B8%8B%E9%95%87",
                "?township=%E9%99%B6%E5%B1%B1%E9%95%87", "?year=2019", "?year=2018", "?penalty=fine", "?penalty=suspension"}
    assert {url[len(base):] for url in found if url.startswith(base + "?")} == expected
    for suffix in expected:
        response = client.get(base + suffix)
        assert response.status_code == 200 and response.context["totals"]["count"] == 1, suffix


def test_unit_filter_pages_with_units_are_listed(client, unit_index, make_unit):
    make_unit("示范学校", venue="school")
    found = locations(client)
    assert unit_index.full_url + "venue/school/" in found
    assert unit_index.full_url + "venue/enterprise/" not in found
