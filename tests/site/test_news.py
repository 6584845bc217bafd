"""The news index filters by venue, campaign area and year, alone or together, and paginates."""
import re
from datetime import date

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(make_article):
    make_article("学校的消防新闻", day=date(2019, 6, 3), venues=["school"], areas=["fire"])
    make_article("企业的危化品新闻", day=date(2019, 6, 5), venues=["enterprise"], areas=["hazardous-chemicals"])
    make_article("去年的交通新闻", day=date(2018, 6, 5), venues=["community"], areas=["road-traffic"])
    make_article("去年学校的消防新闻", day=date(2018, 3, 5), venues=["school"], areas=["fire"])
    make_article("学校的交通新闻", day=date(2019, 9, 1), venues=["school"], areas=["road-traffic"])


def titles(response):
    assert response.status_code == 200
    return {article.title for article in response.context["articles"]}


def test_all_articles_newest_first(client, news_index, articles):
    response = client.get(news_index.url)
    assert [a.title for a in response.context["articles"]] == [
        "学校的交通新闻", "企业的危化品新闻", "学校的消防新闻", "去年的交通新闻", "去年学校的消防新闻",
    ]


def test_filter_by_venue(client, news_index, articles):
    assert titles(client.get(news_index.url + "venue/school/")) == {"学校的消防新闻", "去年学校的消防新闻", "学校的交通新闻"}


def test_filter_by_area(client, news_index, articles):
    assert titles(client.get(news_index.url + "area/hazardous-chemicals/")) == {"企业的危化品新闻"}


def test_filter_by_year(client, news_index, articles):
    assert titles(client.get(news_index.url + "year/2018/")) == {"去年的交通新闻", "去年学校的消防新闻"}


@pytest.mark.parametrize("path, expected", [
    ("venue/school/area/fire/", {"学校的消防新闻", "去年学校的消防新闻"}),
    ("venue/school/year/2019/", {"学校的消防新闻", "学校的交通新闻"}),
    ("area/fire/year/2018/", {"去年学校的消防新闻"}),
    ("venue/school/area/fire/year/2019/", {"学校的消防新闻"}),
    ("venue/enterprise/area/fire/", set()),
])
def test_filters_combine(client, news_index, articles, path, expected):
    assert titles(client.get(news_index.url + path)) == expected


def links(response):
    """The filter links of a listing: {text: (href, current)}."""
    nav = response.content.decode().split('<nav class="filters"', 1)[1].split("</nav>", 1)[0]
    return {
        text: (href, bool(current))
        for href, current, text in re.findall(r'<a (?:class="[^"]*" )?href="([^"]+)"( aria-current="true")?>([^<]+)</a>', nav)
    }


def test_filter_links_keep_the_other_filters(client, news_index, articles):
    base = news_index.url
    found = links(client.get(base + "venue/school/year/2019/"))
    assert found["学校"] == (base + "venue/school/year/2019/", True)
    assert found["企业"] == (base + "venue/enterprise/year/2019/", False)
    assert found["消防安全"] == (base + "venue/school/area/fire/year/2019/", False)
    assert found["2018"] == (base + "venue/school/year/2018/", False)
    assert found["2019"] == (base + "venue/school/year/2019/", True)
    any_venue, any_area, any_year = [href for href, _current in re.findall(
        r'<a href="([^"]+)"( aria-current="true")?>不限</a>', client.get(base + "venue/school/year/2019/").content.decode())]
    assert (any_venue, any_area, any_year) == (base + "year/2019/", base + "venue/school/year/2019/", base + "venue/school/")
    assert found["清除全部筛选"] == (base, False)


def test_no_reset_link_without_filters(client, news_index, articles):
    assert "清除全部筛选" not in links(client.get(news_index.url))


def test_combined_filters_paginate_with_shareable_urls(client, news_index, make_article):
    for number in range(12):
        make_article(f"学校新闻{number:02d}", day=date(2019, 6, 1 + number), venues=["school"], areas=["fire"])
    make_article("企业新闻", day=date(2019, 6, 20), venues=["enterprise"], areas=["fire"])
    second = client.get(news_index.url + "venue/school/area/fire/year/2019/?page=2")
    assert titles(second) == {"学校新闻00", "学校新闻01"}
    body = second.content.decode()
    assert "学校 · 消防安全 · 2019" in body and 'href="?page=1"' in body


def test_unknown_area_in_a_combination_is_the_sites_404(client, news_index, articles):
    assert client.get(news_index.url + "venue/school/area/no-such-area/").status_code == 404


def test_filters_in_another_order_are_not_a_page(client, news_index, articles):
    assert client.get(news_index.url + "area/fire/venue/school/").status_code == 404


def test_unknown_venue_is_the_sites_404(client, news_index, articles):
    response = client.get(news_index.url + "venue/no-such-venue/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_unpublished_articles_are_not_listed(client, news_index, make_article):
    draft = make_article("草稿新闻")
    draft.unpublish()
    assert titles(client.get(news_index.url)) == set()


def test_pagination(client, news_index, make_article):
    for number in range(12):
        make_article(f"新闻{number:02d}", day=date(2019, 6, 1 + number))
    first = client.get(news_index.url)
    assert len(first.context["articles"]) == 10
    second = client.get(news_index.url + "?page=2")
    assert titles(second) == {"新闻00", "新闻01"}
    assert "第 2 页，共 2 页" in second.content.decode()
    assert titles(client.get(news_index.url + "?page=abc")) == titles(first)


def test_feed_lists_articles(client, news_index, articles):
    body = client.get(news_index.url + "feed/").content.decode()
    assert body.startswith("<?xml") and "企业的危化品新闻" in body
