"""An embed finder for the Chinese video sites (bilibili, Tencent Video, Youku).

None of them offers oEmbed, but each player's address follows from the video page's address, so
the player is built here without any request. Registered first in WAGTAILEMBEDS_FINDERS; the
public CSP's frame-src allows exactly these players' origins (settings.VIDEO_PLAYER_ORIGINS).
"""
import re
from urllib.parse import parse_qs, urlencode, urlsplit

from django.utils.html import format_html
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

BILIBILI = re.compile(r"^https?://(?:www\.|m\.)?bilibili\.com/video/(?:(?P<bvid>BV[0-9A-Za-z]{10})|av(?P<aid>[0-9]+))/?(?:[?#].*)?$")
TENCENT = re.compile(r"^https?://v\.qq\.com/x/(?:cover/[0-9A-Za-z]+/|page/)(?P<vid>[0-9A-Za-z]+)\.html(?:[?#].*)?$")
YOUKU = re.compile(r"^https?://v\.youku\.com/v_show/id_(?P<vid>[0-9A-Za-z=]+)\.html(?:[?#].*)?$")


def _bilibili(match, url):
    query = {"bvid": match["bvid"]} if match["bvid"] else {"aid": match["aid"]}
    part = parse_qs(urlsplit(url).query).get("p", [""])[0]
    if part.isdigit():
        query["p"] = part
    return "https://player.bilibili.com/player.html?" + urlencode({**query, "autoplay": 0}), "哔哩哔哩"


def _tencent(match, url):
    return "https://v.qq.com/txp/iframe/player.html?" + urlencode({"vid": match["vid"]}), "腾讯视频"


def _youku(match, url):
    return f"https://player.youku.com/embed/{match['vid']}", "优酷"


PLAYERS = [(BILIBILI, _bilibili), (TENCENT, _tencent), (YOUKU, _youku)]


def player_for(url):
    """(player URL, provider name) for a video page on one of these sites, else None."""
    for pattern, build in PLAYERS:
        if match := pattern.match(url.strip()):
            return build(match, url.strip())
    return None


class ChineseVideoFinder(EmbedFinder):
    def __init__(self, **options):
        pass

    def accept(self, url):
        return player_for(url) is not None

    def find_embed(self, url, max_width=None, max_height=None):
        found = player_for(url)
        if found is None:
            raise EmbedNotFoundException
        player, provider = found
        width = min(max_width or 640, 640)
        height = width * 9 // 16
        html = format_html(
            '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy" allowfullscreen'
            ' sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"'
            ' referrerpolicy="strict-origin-when-cross-origin"></iframe>',
            player, width, height, provider,
        )
        return {
            "title": "", "author_name": "", "provider_name": provider, "type": "video",
            "thumbnail_url": "", "width": width, "height": height, "html": str(html),
        }
