"""The home page: campaign banner, listings, headline figures from the site setting, hook-fed strips."""
from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import caches
from wagtail import hooks
from wagtail.models import Site

from base.models import HeadlineFigures
from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db


def test_banner_comes_from_the_latest_campaign(client, home):
    for year, slogan in ((2018, "生命至上、安全发展"), (2019, "防风险、除隐患、遏事故")):
        home.add_child(instance=CampaignPage(
            title=f"{year}年安全生产月", year=year, slogan=slogan, start_date=date(year, 6, 1), end_date=date(year, 6, 30),
        ))
    body = client.get("/").content.decode()
    assert '<p class="hero-theme">防风险、除隐患、遏事故</p>' in body and "2019年安全生产月" in body


def test_headline_figures_are_edited_in_the_site_setting(client, home):
    assert "主要数据" not in client.get("/").content.decode()
    figures = HeadlineFigures.for_site(Site.objects.get(is_default_site=True))
    figures.inspections, figures.hazards_found, figures.penalty_cases = 10981, 5431, 601
    figures.fines_yuan, figures.as_of = Decimal("1043000"), date(2019, 6, 14)
    figures.save()
    body = client.get("/").content.decode()
    assert "主要数据" in body and "截至 2019-06-14" in body
    for text in ("10,981", "5,431", "601", "<strong>104.3</strong><span class=\"unit\">万元</span>"):
        assert text in body


def test_latest_listings(client, home, make_article, make_case, make_unit, make_ad):
    make_article("最新新闻一则")
    make_case("最新曝光一起")
    make_unit("示范单位一家")
    make_ad("展播中的公益广告")
    body = client.get("/").content.decode()
    for text in ("最新新闻一则", "最新曝光一起", "示范单位一家", "展播中的公益广告", "最新动态", "最新曝光", "先进典型"):
        assert text in body


def test_live_now_strip_is_absent_without_items(client, home):
    assert "正在进行" not in client.get("/").content.decode()


def test_live_now_strip_renders_hook_items(client, home):
    def running(request):
        assert request.path == "/"
        return [{"title": "七进七赛决赛", "url": "/live/final/", "kind": "竞赛"}]

    with hooks.register_temporarily("live_now_items", running):
        body = client.get("/").content.decode()
    assert "正在进行" in body and '<a href="/live/final/">七进七赛决赛</a>' in body and "竞赛" in body


def test_model_unit_shows_contest_results_from_hooks(client, make_unit):
    unit = make_unit("示例实验小学")
    assert "竞赛成绩" not in client.get(unit.url).content.decode()

    def results(page):
        return [{"contest": f"{page.title}所在组决赛", "rank": 1, "score": 280, "url": "/contests/final/results/"}]

    caches["pages"].clear()  # the hook is swapped in by the test, not by a change the cache hears of
    with hooks.register_temporarily("unit_contest_results", results):
        body = client.get(unit.url).content.decode()
    assert "竞赛成绩" in body and "示例实验小学所在组决赛" in body and "<td>280</td>" in body
