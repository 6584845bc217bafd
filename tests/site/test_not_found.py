"""A missing page shows the designed Chinese 404 page, in development mode (DEBUG=1, as `make run`) too."""
import pytest
from django.template.loader import render_to_string
from wagtail.contrib.redirects.models import Redirect

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("debug", [True, False])
@pytest.mark.parametrize("path", ["/no-such-page/", "/news/no-such-article/", "/news/venue/no-such-venue/"])
def test_missing_pages_get_the_designed_page(client, settings, news_index, debug, path):
    settings.DEBUG = debug
    news_index.show_in_menus = True
    news_index.save()
    response = client.get(path)
    assert response.status_code == 404
    body = response.content.decode()
    assert '<html lang="zh-hans"' in body
    assert "<h1>页面不存在</h1>" in body and "您访问的页面不存在或已被移动。" in body
    assert 'class="site-header"' in body and 'class="site-footer"' in body
    assert 'href="/news/">新闻动态</a>' in body  # the full menu: the page tree was read
    assert 'action="/search/"' in body and 'href="/sitemap/"' in body
    assert "Page not found at" not in body and "technical_404" not in body and "Django" not in body


def test_the_404_page_speaks_english_when_asked(client, settings, home):
    settings.DEBUG = True
    client.cookies["django_language"] = "en"
    body = client.get("/no-such-page/").content.decode()
    assert "<h1>Page not found</h1>" in body and "Back to the home page" in body


def test_redirects_still_win_over_the_404_page(client, news_index):
    Redirect.objects.create(old_path="/old-news", redirect_page=news_index)
    response = client.get("/old-news/")
    assert response.status_code == 301 and response["Location"].endswith("/news/")


def test_the_500_page_needs_neither_database_nor_request():
    body = render_to_string("500.html")
    assert "服务器出错了" in body and "Server error" in body and 'class="site-header"' in body
