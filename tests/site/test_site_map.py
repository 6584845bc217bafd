"""网站地图, robots.txt, the favicon, the menu reaching every public feature, and share metadata on every page."""
import re

import pytest
from django.urls import reverse
from wagtail.models import Site

from furniture.models import SiteFurniture

pytestmark = pytest.mark.django_db


def test_site_map_lists_the_public_page_tree_and_the_services(client, news_index, case_index, make_article, make_case):
    article = make_article("防汛演练")
    draft = make_article("未发布的稿件")
    draft.unpublish()
    make_case("消防通道案例")
    response = client.get("/sitemap/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1>网站地图</h1>" in body
    for page in (news_index, article, case_index):
        assert f'href="{page.url}">{page.title}</a>' in body
    assert "未发布的稿件" not in body
    assert 'href="/live/games/">有奖答题</a>' in body and 'href="/search/">搜索</a>' in body
    assert 'href="/sitemap.xml"' in body


def test_every_page_links_the_site_map_and_the_records(client, home):
    furniture = SiteFurniture.for_site(Site.objects.get(is_default_site=True))
    furniture.publisher_name, furniture.icp_number = "瑞安市应急管理局", "浙ICP备12345678号"
    furniture.police_number, furniture.site_code = "浙公网安备 33038102000123号", "3303810001"
    furniture.sponsor, furniture.phone = "瑞安市安委办", "0577-6588 0000"
    furniture.save()
    for url in ("/", "/search/", "/sitemap/", "/no-such-page/"):
        body = client.get(url).content.decode()
        assert 'href="/sitemap/">网站地图</a>' in body, url
        assert '<span class="publisher">瑞安市应急管理局</span>' in body, url
        assert '<a href="https://beian.miit.gov.cn/" rel="noopener">浙ICP备12345678号</a>' in body, url
        assert "recordcode=33038102000123" in body and "3303810001" in body and "瑞安市安委办" in body, url
        assert 'href="https://www.mem.gov.cn/"' in body and 'href="https://yjt.zj.gov.cn/"' in body, url
        assert 'href="tel:057765880000"' in body, url


def test_robots_and_favicon(client, home):
    body = client.get("/robots.txt").content.decode()
    assert "User-agent: *" in body and "Disallow: /admin/" in body and re.search(r"^Sitemap: http\S+/sitemap.xml$", body, re.M)
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("furniture/favicon.ico")
    assert 'rel="icon"' in client.get("/").content.decode()


def test_the_menu_reaches_every_public_feature(client, home, make_event):
    event = make_event("咨询日")
    body = client.get("/").content.decode()
    menu = body[body.index('class="site-nav"'):body.index("</nav>", body.index('class="site-nav"'))]
    assert f'href="{reverse("games:join")}">有奖答题</a>' in menu
    assert f'href="{event.get_parent().url}#activities">活动</a>' in menu
    assert 'href="/search/">搜索</a>' in menu


def test_the_demo_online_quiz_is_in_the_menu(client):
    from django.core.management import call_command

    call_command("load_demo_content")
    body = client.get("/").content.decode()
    menu = body[body.index('class="site-nav"'):body.index("</nav>", body.index('class="site-nav"'))]
    assert 'href="/online-quiz/">网上答题</a>' in menu  # an online contest in anonymous mode
    assert client.get("/online-quiz/").context["page"].specific_class.__name__ == "OnlineContestPage"
    assert 'href="/live/games/">有奖答题</a>' in menu and "#activities\">活动</a>" in menu


@pytest.mark.parametrize("url", ["/", "/search/", "/sitemap/", "/no-such-page/"])
def test_share_metadata_on_every_page(client, home, url):
    body = client.get(url).content.decode()
    for name in ('property="og:title"', 'property="og:url"', 'property="og:site_name"', 'property="og:type"'):
        assert name in body, (url, name)
