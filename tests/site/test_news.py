"""The news index filters by venue, campaign area and year, and paginates."""
from datetime import date

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(make_article):
    make_article("学校的消防新闻", day=date(2019, 6, 3), venues=["school"], areas=["fire"])
    make_article("企业的危化品新闻", day=date(2019, 6, 5), venues=["enterprise"], areas=["hazardous-chemicals"])
    make_article("去年的交通新闻", day=date(2018, 6, 5), venues=["community"], areas=["road-traffic"])


def titles(response):
    assert response.status_code == 200
    return {article.title for article in response.context["articles"]}


def test_all_articles_newest_first(client, news_index, articles):
    response = client.get(news_index.url)
    assert [a.title for a in response.context["articles"]] == ["企业的危化品新闻", "学校的消防新闻", "去年的交通新闻"]


def test_filter_by_venue(client, news_index, articles):
    assert titles(client.get(news_index.url + "venue/school/")) == {"学校的消防新闻"}


def test_filter_by_area(client, news_index, articles):
    assert titles(client.get(news_index.url + "area/hazardous-chemicals/")) == {"企业的危化品新闻"}


def test_filter_by_year(client, news_index, articles):
    assert titles(client.get(news_index.url + "year/2018/")) == {"去年的交通新闻"}


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
