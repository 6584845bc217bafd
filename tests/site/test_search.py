"""Chinese search: jieba-segmented index and queries, the same on SQLite and PostgreSQL."""
from datetime import date

import pytest
from wagtail.models import Page

from core.segmentation import index_terms, query_terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(make_article, make_case, make_unit, make_event):
    make_article("本市开展安全生产月活动", day=date(2019, 6, 1), body="七进七赛全面启动")
    make_article("消防知识讲座", day=date(2019, 6, 2), body="讲解干粉灭火器的使用方法和逃生要领")
    make_article("湖岭镇举行应急演练", day=date(2019, 6, 3), body="模拟危险化学品运输车辆泄漏")
    make_article("有限空间作业培训", day=date(2019, 6, 4), body="污水井、化粪池等有限空间作业必须先通风再检测")
    make_case("某化工公司违规储存", area="hazardous-chemicals", facts="该危化品企业超量储存",
              legal_basis="《危险化学品安全管理条例》")
    make_case("某电梯公司违规", area="urban-safety", facts="特种设备未经检验投入使用",
              legal_basis="《特种设备安全法》")
    make_unit("示例实验小学", summary="每月开展消防疏散演练，安全隐患排查常态化")
    make_event("防汛演练观摩", introduction="高楼镇滩脚堰坝防汛抢险")


def found(query, model=Page):
    return {page.title for page in model.objects.live().search(query)}


@pytest.mark.parametrize("query, expected", [
    ("危化品", {"某化工公司违规储存"}),                      # inside 危化品企业
    ("灭火器", {"消防知识讲座"}),                            # inside 干粉灭火器的使用方法
    ("安全生产", {"本市开展安全生产月活动"}),                  # inside 本市开展安全生产月活动
    ("有限空间", {"有限空间作业培训"}),
    ("特种设备", {"某电梯公司违规"}),
    ("隐患", {"示例实验小学"}),                              # two characters inside 安全隐患
    ("防汛", {"防汛演练观摩"}),
    ("化学品", {"湖岭镇举行应急演练", "某化工公司违规储存"}),  # inside 危险化学品 (also the case's area)
    ("演练", {"湖岭镇举行应急演练", "示例实验小学", "防汛演练观摩"}),
    ("灭火器使用方法", {"消防知识讲座"}),                     # several words, all required
    ("七进七赛", {"本市开展安全生产月活动"}),
    ("干粉", {"消防知识讲座"}),
])
def test_chinese_queries(corpus, query, expected):
    assert found(query) == expected


def test_no_false_match_across_words(corpus):
    assert found("火车") == set()
    assert found("灭火器 高楼镇") == set()


def test_the_domain_dictionary_keeps_compounds_and_their_parts():
    assert query_terms("危化品") == ["危化品"]
    assert query_terms("安全生产") == ["安全生产"]
    terms = list(index_terms("干粉灭火器的使用方法"))
    assert "灭火器" in terms and "干粉灭火器" in terms and "方法" in terms


def test_public_search_page_highlights_and_filters_by_type(client, corpus):
    body = client.get("/search/", {"q": "危化品"}).content.decode()
    assert "<mark>危化品</mark>" in body and "某化工公司违规储存" in body
    assert "共有 1 条结果" in body
    body = client.get("/search/", {"q": "演练", "type": "articlepage"}).content.decode()
    assert "湖岭镇举行应急<mark>演练</mark>" in body and "防汛演练观摩" not in body


def test_newest_first_among_equal_matches(client, make_article):
    make_article("甲", day=date(2019, 6, 1), body="咨询日")
    make_article("乙", day=date(2019, 6, 9), body="咨询日")
    response = client.get("/search/", {"q": "咨询日"})
    assert [page.title for page in response.context["results"]] == ["乙", "甲"]


def test_empty_and_punctuation_queries(client, corpus):
    assert client.get("/search/").status_code == 200
    body = client.get("/search/", {"q": "？！"}).content.decode()
    assert "请输入要搜索的词语" in body


def test_highlight_escapes_html(client, make_article):
    make_article("<b>演练</b>公告")
    body = client.get("/search/", {"q": "演练"}).content.decode()
    assert "&lt;b&gt;<mark>演练</mark>&lt;/b&gt;" in body


def test_the_admin_search_segments_too(admin_client, corpus):
    response = admin_client.get("/admin/pages/search/", {"q": "灭火器"})
    assert "消防知识讲座" in response.content.decode()


def test_snippets_and_the_ad_gallery_are_found_in_chinese(ad_gallery, make_ad, make_hazard):
    from ads.models import PublicServiceAd
    from hazards.models import ListedHazard

    make_ad("电动自行车安全充电")
    make_hazard("液化石油气储存隐患")
    assert {ad.title for ad in PublicServiceAd.objects.search("充电")} == {"电动自行车安全充电"}
    assert {hazard.title for hazard in ListedHazard.objects.search("石油")} == {"液化石油气储存隐患"}
    assert found("电动自行车") == {"公益广告"}


def test_a_contest_results_page_is_found_by_a_word_of_its_text_and_of_its_ranking(client, home):
    from contests.interunit.models import Contest, ContestResultsPage, Team

    contest = Contest.objects.create(title="全市安全知识联赛", start_score=100)
    Team.objects.create(contest=contest, name="塘下消防队", unit="塘下镇应急管理办公室")
    home.add_child(instance=ContestResultsPage(
        title="联赛成绩", slug="results", contest=contest, intro="<p>全市安全知识竞赛决赛圆满落幕</p>",
    ))
    assert found("决赛") == found("应急管理") == {"联赛成绩"}
    body = client.get("/search/", {"q": "决赛"}).content.decode()
    assert "联赛成绩" in body and "共有 1 条结果" in body
    body = client.get("/search/", {"q": "消防队", "type": "contestresultspage"}).content.decode()
    assert "联赛成绩" in body
