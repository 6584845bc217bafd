"""The anonymous page cache (site/pagecache): hits, per-visitor CSRF tokens, what retires pages,
and who is never served from it."""
import re

import pytest
from django.core.cache import cache
from django.test import Client

from core import generation as shared_generation
from pagecache import generation
from pagecache.middleware import HEADER

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get(HEADER), response.content.decode()


def test_an_anonymous_page_is_served_from_the_cache_the_second_time(client, make_article):
    article = make_article("防溺水安全提示")
    assert served(Client(), article.url)[0] == "miss"
    first, body = served(Client(), article.url)
    again, body_again = served(Client(), article.url)
    assert (first, again) == ("hit", "hit")
    assert "防溺水安全提示" in body_again
    # Each visitor gets a CSRF token of its own, not the one the page was rendered with.
    assert TOKEN.search(body).group(1) != TOKEN.search(body_again).group(1)


def test_a_cached_pages_csrf_token_is_accepted(make_article):
    article = make_article("防溺水安全提示")
    Client().get(article.url)  # stored
    visitor = Client(enforce_csrf_checks=True)
    state, body = served(visitor, article.url)
    assert state == "hit"
    token = TOKEN.search(body).group(1)
    response = visitor.post("/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert visitor.cookies["django_language"].value == "en"


def test_each_language_has_its_own_copy(client, home):
    served(Client(), "/")
    english = Client()
    english.cookies["django_language"] = "en"
    state, body = served(english, "/")
    assert state == "miss"
    assert '<html lang="en">' in body
    assert '<html lang="zh-hans">' in served(Client(), "/")[1]


def test_publishing_a_change_retires_the_cached_pages(make_article, news_index):
    article = make_article("旧标题")
    served(Client(), news_index.url)
    assert served(Client(), news_index.url)[0] == "hit"
    article.title = "新标题"
    article.save_revision().publish()
    state, body = served(Client(), news_index.url)
    assert state == "miss"
    assert "新标题" in body and "旧标题" not in body


def test_unpublishing_retires_the_page(make_article):
    article = make_article("将撤下的新闻")
    url = article.url
    served(Client(), url)
    assert served(Client(), url)[0] == "hit"
    article.unpublish()
    assert Client().get(url).status_code == 404


def test_a_snippet_change_retires_the_pages_showing_it(ad_gallery, make_ad):
    ad = make_ad("旧广告")
    served(Client(), ad_gallery.url)
    assert served(Client(), ad_gallery.url)[0] == "hit"
    ad.title = "新广告"
    ad.save()
    state, body = served(Client(), ad_gallery.url)
    assert state == "miss"
    assert "新广告" in body


def test_a_new_page_shows_in_cached_listings(make_article, news_index):
    make_article("第一条")
    served(Client(), news_index.url)
    make_article("第二条")
    state, body = served(Client(), news_index.url)
    assert state == "miss"
    assert "第二条" in body


def test_logged_in_visitors_are_never_served_nor_stored(client, make_article, django_user_model):
    article = make_article("防溺水安全提示")
    editor = django_user_model.objects.create_superuser("editor", password="x-Secret-2019")
    client.force_login(editor)
    response = client.get(article.url)
    assert response.status_code == 200 and HEADER not in response
    assert served(Client(), article.url)[0] == "miss"  # the editor's page was not stored
    assert served(Client(), article.url)[0] == "hit"
    response = client.get(article.url)
    assert HEADER not in response  # nor served from the cache to the editor


def test_pages_that_are_not_wagtail_pages_are_not_cached(client):
    assert HEADER not in client.get("/accounts/login/")
    assert HEADER not in client.get("/no-such-page/")


def test_another_process_publishing_retires_this_process_copies(make_article, monkeypatch):
    article = make_article("防溺水安全提示")
    served(Client(), article.url)
    assert served(Client(), article.url)[0] == "hit"
    cache.set(generation.pages.key, "from-another-process", None)  # what bump() does in another process
    assert served(Client(), article.url)[0] == "hit"  # read again only after recheck_seconds
    monkeypatch.setattr(generation.pages, "recheck_seconds", 0)
    assert served(Client(), article.url)[0] == "miss"


def test_without_the_shared_cache_pages_are_rendered_not_cached(make_article, monkeypatch):
    article = make_article("防溺水安全提示")

    class Unreachable:
        def __getattr__(self, name):
            raise ConnectionError("the shared cache is down")

    monkeypatch.setattr(generation.pages, "token", None)
    monkeypatch.setattr(shared_generation, "cache", Unreachable())
    for _ in range(2):
        response = Client().get(article.url)
        assert response.status_code == 200 and HEADER not in response
        assert "防溺水安全提示" in response.content.decode()
