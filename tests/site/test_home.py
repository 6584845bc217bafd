import pytest

pytestmark = pytest.mark.django_db


def test_home_page_speaks_chinese_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="zh-hans">' in body
    assert "七进七赛" in body
    assert "跳到正文" in body  # the skip link, translated


def test_chinese_even_when_the_browser_asks_for_english(client):
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="zh-hans">' in body


def test_language_switch_to_english_and_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    body = client.get("/").content.decode()
    assert '<html lang="en">' in body
    assert "Skip to content" in body

    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert '<html lang="zh-hans">' in client.get("/").content.decode()


def test_every_page_offers_the_language_switch(client):
    for url in ("/", "/accounts/login/", "/no-such-page/"):
        body = client.get(url).content.decode()
        assert 'action="/i18n/setlang/"' in body, url
        assert 'value="en"' in body and 'value="zh-hans"' in body, url


def test_unknown_page_gets_the_sites_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()
