"""The public search: supervised hazards, title matches above body matches, the editors' synonyms,
and suggestions instead of a bare zero (the same on SQLite and PostgreSQL)."""
from datetime import date

import pytest

from sitesearch.models import SearchTerm, SynonymGroup
from sitesearch.queries import parse
from sitesearch.suggestions import similar_words, sound_alikes

pytestmark = pytest.mark.django_db


def titles(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return [result.title for result in response.context["results"].paginator.object_list]


def test_a_title_match_comes_before_body_matches(client, make_article, make_case):
    for day in range(1, 6):
        make_article(f"安全检查通报{day}", day=date(2019, 6, day), body="检查中发现消防设施损坏，消防器材过期，消防通道不畅")
    make_case("堵塞消防通道", facts="某商场占用通道堆放杂物", day=date(2019, 5, 1))
    found = titles(client, "消防")
    assert found[0] == "堵塞消防通道"
    assert len(found) == 6


def test_more_matching_words_in_the_title_rank_higher(client, make_article):
    make_article("燃气安全宣传", day=date(2019, 6, 9), body="入户宣传用气知识")
    make_article("入户宣传", day=date(2019, 6, 10), body="燃气安全")
    assert titles(client, "燃气安全") == ["燃气安全宣传", "入户宣传"]


def test_supervised_hazards_are_found_and_link_to_their_card(client, hazard_index, make_hazard):
    market = make_hazard("城东农贸市场防火分隔不足")
    make_hazard("某仓库消防通道堵塞")
    response = client.get("/search/", {"q": "农贸市场"})
    body = response.content.decode()
    assert "城东<mark>农贸市场</mark>防火分隔不足" in body
    assert f'href="/hazards/#hazard-{market.pk}"' in body
    assert titles(client, "防火") == ["城东农贸市场防火分隔不足"]
    card = client.get("/hazards/").content.decode()
    assert f'id="hazard-{market.pk}"' in card


def test_a_hazard_on_a_later_listing_page_links_there(client, hazard_index, make_hazard):
    hazards = [make_hazard(f"隐患{number:02d}", deadline=10 + number) for number in range(22)]
    hazards[-1].title = "码头储罐区隐患"
    hazards[-1].save()
    url = hazard_index.url_of(hazards[-1])
    assert url == f"/hazards/?page=2#hazard-{hazards[-1].pk}"
    assert f'id="hazard-{hazards[-1].pk}"' in client.get("/hazards/", {"page": 2}).content.decode()


def test_hazards_are_a_type_to_filter_by(client, hazard_index, make_hazard, make_article):
    make_hazard("液化石油气储存隐患")
    make_article("液化石油气安全", body="储存隐患")
    assert titles(client, "储存", type="listedhazard") == ["液化石油气储存隐患"]
    assert titles(client, "储存", type="articlepage") == ["液化石油气安全"]


def test_no_hazard_results_without_a_public_hazard_page(client, make_hazard):
    make_hazard("城东农贸市场防火分隔不足")
    assert titles(client, "农贸市场") == []


@pytest.mark.parametrize("query", ["电动车", "电瓶车", "电动自行车"])
def test_the_default_synonyms_find_each_other(client, make_article, query):
    make_article("电瓶车充电安全", body="不要在楼道充电")
    make_article("电动自行车上牌", body="新国标")
    make_article("电动车进电梯", body="危险")
    assert set(titles(client, query)) == {"电瓶车充电安全", "电动自行车上牌", "电动车进电梯"}


def test_synonyms_highlight_every_word_and_keep_other_words_required(client, make_article):
    make_article("燃气泄漏处置", body="关阀开窗")
    make_article("液化气钢瓶检验", body="定期检验")
    make_article("煤气中毒急救", body="开窗通风")
    body = client.get("/search/", {"q": "液化气 开窗"}).content.decode()
    assert "<mark>燃气</mark>泄漏处置" in body and "<mark>煤气</mark>中毒急救" in body
    assert "液化气钢瓶检验" not in body


def test_extinguisher_synonyms(client, make_article):
    make_article("干粉使用方法", body="拔掉保险销")
    assert titles(client, "灭火器") == ["干粉使用方法"]


def test_editors_change_the_synonyms(client, make_article):
    make_article("防溺水宣传", body="不到野外水域游泳")
    assert titles(client, "防淹溺") == []
    SynonymGroup.objects.create(words="防溺水 / 防淹溺")
    assert titles(client, "防淹溺") == ["防溺水宣传"]


def test_parsing_keeps_a_synonym_whole_even_where_segmentation_would_split_it():
    groups = [["电动车", "电瓶车", "电动自行车"]]
    parsed = parse("电动自行车充电", groups)
    assert parsed.terms[0] == ["电动自行车", "电动车", "电瓶车"]
    assert ["充电"] in parsed.terms


def test_synonym_groups_are_validated_and_tidied(admin_client):
    response = admin_client.post("/admin/snippets/sitesearch/synonymgroup/add/", {"words": "消防栓"})
    assert response.status_code == 200 and "请至少输入两个不同的词" in response.content.decode()
    response = admin_client.post("/admin/snippets/sitesearch/synonymgroup/add/", {"words": "消防栓，消火栓  消防栓"})
    assert response.status_code == 302
    assert SynonymGroup.objects.filter(words="消防栓 / 消火栓").exists()


def test_nothing_found_offers_similar_words_that_find_something(client, make_article):
    make_article("消防知识讲座", body="讲解干粉灭火器的使用方法")
    body = client.get("/search/", {"q": "消访"}).content.decode()
    assert "共有 0 条结果" in body
    assert "试试这些词" in body and '<a href="/search/?q=%E6%B6%88%E9%98%B2">消防</a>' in body


def test_nothing_found_with_several_words_offers_each_word_that_finds_something(client, make_article):
    make_article("防汛演练", body="高楼镇")
    response = client.get("/search/", {"q": "防汛 台球"})
    assert response.context["suggestions"][0] == "防汛"
    assert "台球" not in response.context["suggestions"]


def test_popular_searches_are_recorded_from_queries_that_find_something(client, make_article):
    make_article("有限空间作业培训", body="先通风再检测")
    for _ in range(3):
        client.get("/search/", {"q": "有限空间"})
    client.get("/search/", {"q": "无人知晓的词"})
    assert SearchTerm.objects.get(text="有限空间").hits == 3
    assert not SearchTerm.objects.filter(text="无人知晓的词").exists()
    empty = client.get("/search/", {"q": "无人知晓的词"})
    assert "有限空间" in empty.context["suggestions"]
    start = client.get("/search/").content.decode()
    assert "热门搜索" in start and "有限空间" in start


def test_similar_words_prefer_the_same_sound():
    assert similar_words(["消访"], ["消防", "访问", "防汛"], 3) == ["消防", "访问"]
    assert sound_alikes("消访")[0] == "消防" and sound_alikes("防讯")[0] == "防汛"
    assert sound_alikes("灭火气")[0] == "灭火器"


def test_the_online_contest_page_is_found_in_chinese(client, home):
    from onlinecontest.models import MixRow, OnlineContestPage
    from tests.quizzes.factories import make_bank

    home.add_child(instance=OnlineContestPage(
        title="安全知识网上答题", slug="online-quiz", introduction="每天三次机会", bank=make_bank(),
        mix_rows=[MixRow(count=1, kind="single")],
    ))
    assert titles(client, "答题") == ["安全知识网上答题"]
    assert titles(client, "三次机会") == ["安全知识网上答题"]
