"""适老化 mode: switched from every page with a form (no script needed), remembered in a cookie."""
import pytest

from furniture.elderly_mode import COOKIE

pytestmark = pytest.mark.django_db


def test_every_page_offers_the_switch(client, news_index, make_article):
    article = make_article("防汛演练")
    for url in ("/", news_index.url, article.url, "/search/", "/sitemap/", "/no-such-page/"):
        body = client.get(url).content.decode()
        assert 'action="/elderly-mode/"' in body and ">适老模式</button>" in body, url
        assert '<html lang="zh-hans">' in body, url


def test_switching_on_is_remembered_and_switching_off_forgets(client, news_index):
    response = client.post("/elderly-mode/", {"mode": "on", "next": "/news/"})
    assert response.status_code == 302 and response["Location"] == "/news/"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "1" and int(cookie["max-age"]) >= 300 * 24 * 3600 and cookie["httponly"]
    for url in ("/", "/news/"):
        body = client.get(url).content.decode()
        assert '<html lang="zh-hans" class="elderly">' in body
        assert 'aria-pressed="true">退出适老模式</button>' in body
    response = client.post("/elderly-mode/", {"mode": "off", "next": "/"})
    assert response.cookies[COOKIE].value == "" and response["Location"] == "/"
    assert 'class="elderly"' not in client.get("/").content.decode()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", ""])
def test_the_switch_only_goes_back_to_this_site(client, home, target):
    response = client.post("/elderly-mode/", {"mode": "on", "next": target})
    assert response["Location"] == "/"


def test_the_switch_takes_no_get(client, home):
    assert client.get("/elderly-mode/?mode=on").status_code == 405
