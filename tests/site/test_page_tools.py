"""Breadcrumbs on every page; an article's tools: 来源, text size, print, read aloud, share QR, previous/next."""
from datetime import date
from urllib.parse import unquote

import pytest
from wagtail.models import Site

from furniture.models import SiteFurniture

pytestmark = pytest.mark.django_db


def test_breadcrumbs_lead_home_through_the_section(client, news_index, make_article):
    article = make_article("防汛演练")
    body = client.get(article.url).content.decode()
    crumbs = body[body.index('class="breadcrumbs"'):body.index("</nav>", body.index('class="breadcrumbs"'))]
    assert '<a href="/">首页</a>' in crumbs and f'<a href="{news_index.url}">新闻动态</a>' in crumbs
    assert '<li aria-current="page">防汛演练</li>' in crumbs
    assert 'class="breadcrumbs"' not in client.get("/").content.decode()
    search = client.get("/sitemap/").content.decode()
    assert '<li aria-current="page">网站地图</li>' in search


def test_article_tools_name_the_source_and_share_the_page(client, news_index, make_article):
    furniture = SiteFurniture.for_site(Site.objects.get(is_default_site=True))
    furniture.publisher_name = "瑞安市应急管理局"
    furniture.save()
    own = make_article("本站稿件")
    quoted = make_article("转载稿件", source="温州日报")
    body = client.get(own.url).content.decode()
    assert "来源： 瑞安市应急管理局" in body
    assert 'data-text-size="large">大</button>' in body and 'data-text-size="small">小</button>' in body
    assert "data-print" in body and 'data-read-aloud="article-body"' in body and 'id="article-body"' in body
    assert 'src="data:image/svg+xml' in body and own.full_url in body
    assert 'media="print"' in body
    assert "来源： 温州日报" in client.get(quoted.url).content.decode()


def test_share_qr_encodes_the_page_address(client, news_index, make_article):
    article = make_article("防汛演练")
    body = client.get(article.url).content.decode()
    start = body.index('src="data:image/svg+xml') + len('src="')
    svg = unquote(body[start:body.index('"', start)])
    assert "<svg" in svg and "<path" in svg and "本页二维码" in svg


def test_previous_and_next_follow_the_dates_of_the_section(client, news_index, make_article):
    middle = make_article("六月十日", day=date(2019, 6, 10))
    newest = make_article("六月二十日", day=date(2019, 6, 20))
    oldest = make_article("六月一日", day=date(2019, 6, 1))
    hidden = make_article("六月十五日草稿", day=date(2019, 6, 15))
    hidden.unpublish()
    body = client.get(middle.url).content.decode()
    assert f'<a href="{oldest.url}" rel="prev">六月一日</a>' in body
    assert f'<a href="{newest.url}" rel="next">六月二十日</a>' in body
    assert "六月十五日草稿" not in body
    first = client.get(oldest.url).content.decode()
    assert 'rel="prev"' not in first and f'<a href="{middle.url}" rel="next">' in first


def test_case_pages_have_the_tools_and_neighbours(client, case_index, make_case):
    older = make_case("旧案例", day=date(2019, 5, 1))
    newer = make_case("新案例", day=date(2019, 6, 1))
    body = client.get(newer.url).content.decode()
    assert "data-article-tools" in body and f'<a href="{older.url}" rel="prev">旧案例</a>' in body


def test_search_has_its_breadcrumb(client, home):
    body = client.get("/search/").content.decode()
    assert '<li aria-current="page">搜索</li>' in body
