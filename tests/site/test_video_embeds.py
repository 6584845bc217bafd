"""Public-service ad videos from bilibili, v.qq.com and Youku play in an embedded player, built
from the page URL without any request; other links stay links. No test here touches the network."""
import socket

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedNotFoundException

from base.video_embeds import ChineseVideoFinder, player_for

pytestmark = pytest.mark.django_db

PAGES = {
    "https://www.bilibili.com/video/BV1GJ411x7h7": "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&autoplay=0",
    "https://www.bilibili.com/video/BV1GJ411x7h7/?p=2&spm_id_from=333": "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&p=2&autoplay=0",
    "https://m.bilibili.com/video/av170001": "https://player.bilibili.com/player.html?aid=170001&autoplay=0",
    "https://v.qq.com/x/cover/mzc00200abc/w0033xyz9k1.html": "https://v.qq.com/txp/iframe/player.html?vid=w0033xyz9k1",
    "https://v.qq.com/x/page/a0512ab3cde.html": "https://v.qq.com/txp/iframe/player.html?vid=a0512ab3cde",
    "https://v.youku.com/v_show/id_XNDc2MjU5NjY0MA==.html?spm=a2h0c": "https://player.youku.com/embed/XNDc2MjU5NjY0MA==",
}


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a test tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.parametrize("page, player", list(PAGES.items()))
def test_the_player_follows_from_the_page_address(page, player):
    assert player_for(page)[0] == player
    embed = ChineseVideoFinder().find_embed(page)
    assert embed["type"] == "video" and f'src="{player.replace("&", "&amp;")}"' in embed["html"]
    assert "allowfullscreen" in embed["html"] and "style=" not in embed["html"]
    assert any(player.startswith(origin + "/") for origin in settings.VIDEO_PLAYER_ORIGINS)


@pytest.mark.parametrize("url", [
    "https://www.bilibili.com/", "https://space.bilibili.com/123", "https://v.qq.com/channel/tv",
    "https://v.youku.com/v_show/id_.html", "https://evil.example/www.bilibili.com/video/BV1GJ411x7h7",
    "https://www.bilibili.com.evil.example/video/BV1GJ411x7h7",
])
def test_other_addresses_are_not_taken(url):
    finder = ChineseVideoFinder()
    assert not finder.accept(url)
    with pytest.raises(EmbedNotFoundException):
        finder.find_embed(url)


def test_the_finder_is_wagtails_first():
    embed = get_embed("https://v.youku.com/v_show/id_XNDc2MjU5NjY0MA==.html")
    assert embed.provider_name == "优酷" and "player.youku.com/embed/" in embed.html


def test_the_gallery_plays_embedded_videos_and_links_the_rest(client, ad_gallery, make_ad):
    make_ad("B站公益广告", video_url="https://www.bilibili.com/video/BV1GJ411x7h7")
    make_ad("其他网站的公益广告", video_url="https://example.org/v")
    response = client.get(ad_gallery.url)
    body = response.content.decode()
    assert '<div class="video-embed"><iframe src="https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&amp;autoplay=0"' in body
    assert '<a href="https://example.org/v">' in body
    # Directives come in no fixed order: compare each one whole, without its separating space.
    directives = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    frame_src = [part for part in directives if part.startswith("frame-src")]
    assert frame_src == ["frame-src 'self' https://player.bilibili.com https://v.qq.com https://player.youku.com"]


def test_a_changed_address_gets_its_new_player(make_ad):
    ad = make_ad("改地址的广告", video_url="https://v.qq.com/x/page/a0512ab3cde.html")
    assert "vid=a0512ab3cde" in ad.video_embed.html
    ad.video_url = "https://example.org/v"
    ad.save()
    assert ad.video_embed is None


def test_an_editor_saves_an_embedded_video_through_the_admin(client, staff):
    from core.accounts.roles import EDITORS
    from ads.models import PublicServiceAd

    client.force_login(staff("editor", EDITORS))
    response = client.post(reverse("wagtailsnippets_ads_publicservicead:add"), {
        "title": "腾讯视频广告", "slogan": "安全第一", "video_url": "https://v.qq.com/x/page/a0512ab3cde.html",
        "starts_on": "2019-06-01", "ends_on": "2019-06-30", "shown_at": "户外大屏",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "v.qq.com/txp/iframe/player.html?vid=a0512ab3cde" in PublicServiceAd.objects.get().video_embed.html
