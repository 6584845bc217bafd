"""Every page type renders, in Chinese, with its structured fields."""
from datetime import date

import pytest

from campaigns.models import CampaignPage
from events.models import EventDesk
from hazards.models import ListedHazard

pytestmark = pytest.mark.django_db


def get(client, page_or_url):
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_article_page_renders_its_body_tags_and_webp_srcset(client, make_article, image):
    article = make_article(
        "陶山镇开展消防演练", venues=["enterprise"], areas=["fire"], lead_image=image, reporter="李记者",
        body="员工有序撤离",
    )
    body = get(client, article)
    assert "陶山镇开展消防演练" in body and "员工有序撤离" in body and "李记者" in body
    assert "企业" in body and "消防安全" in body
    assert 'srcset="' in body and ".webp 160w" in body and 'alt="红色测试图片"' in body
    assert 'property="og:image"' in body and 'property="og:title"' in body
    assert "记者：" in body  # translated


def test_campaign_page_lists_its_events_news_and_cases(client, home, make_article, make_case, image):
    campaign = CampaignPage(
        title="2019年安全生产月", year=2019, slogan="防风险、除隐患、遏事故", start_date=date(2019, 6, 1),
        end_date=date(2019, 6, 30), hero_image=image,
    )
    home.add_child(instance=campaign)
    make_article("六月的新闻", day=date(2019, 6, 10))
    make_article("七月的新闻", day=date(2019, 7, 10))
    make_case("六月的案例", day=date(2019, 6, 12))
    body = get(client, campaign)
    assert "防风险、除隐患、遏事故" in body
    assert "六月的新闻" in body and "七月的新闻" not in body and "六月的案例" in body


def test_event_page_shows_desks_materials_and_live_link(client, make_event, news_index):
    event = make_event("安全生产咨询日", materials="宣传手册\n应急包清单", live_page=news_index)
    EventDesk.objects.create(page=event, unit_name="市消防救援大队", desk_number="A3")
    body = get(client, event)
    assert "市消防救援大队" in body and "A3" in body and "应急包清单" in body
    assert f'href="{news_index.url}"' in body and "参加现场答题或竞赛" in body


def test_event_live_url_is_used_without_a_page(client, make_event):
    body = get(client, make_event(live_url="https://example.org/play/1234"))
    assert 'href="https://example.org/play/1234"' in body


def test_case_page_shows_structured_penalties(client, make_case):
    case = make_case("某公司堵塞消防通道", fine=30000, suspended=True, detained_people=2, criminal_referral=True, is_demo=True)
    body = get(client, case)
    assert "罚款 30,000 元" in body
    assert "责令停产停业" in body and "2 人被行政拘留" in body and "移送司法机关" in body
    assert "演示数据" in body and "塘下镇" in body and "消防安全" in body


def test_model_unit_page_and_index(client, make_unit):
    unit = make_unit("示例实验小学", honours="市级安全示范学校\n平安校园")
    assert "平安校园" in get(client, unit)
    assert "示例实验小学" in get(client, unit.get_parent().specific)


def test_ad_gallery_separates_showing_and_archived(client, ad_gallery, make_ad):
    make_ad("正在展播的广告")
    make_ad("已经结束的广告", starts=-30, ends=-2)
    make_ad("尚未开始的广告", starts=5, ends=20)
    body = get(client, ad_gallery)
    showing, archive = body.split("往期回顾")
    assert "正在展播的广告" in showing and "已经结束的广告" in archive
    assert "尚未开始的广告" not in body


def test_hazards_overdue_stand_out_first(client, hazard_index, make_hazard):
    make_hazard("按期整改中的隐患", deadline=10)
    make_hazard("已超期的隐患", deadline=-3)
    make_hazard("已销号的隐患", deadline=-3, status=ListedHazard.Status.RECTIFIED)
    body = get(client, hazard_index)
    assert body.index("已超期的隐患") < body.index("按期整改中的隐患")
    assert body.count("card overdue") == 1 and "已超期" in body


def test_nav_lists_menu_sections_and_marks_the_current_one(client, news_index, make_article):
    news_index.show_in_menus = True
    news_index.save()
    body = get(client, make_article("导航测试"))
    assert f'<a href="{news_index.url}" aria-current="page">新闻动态</a>' in body
    assert 'href="/search/"' in body


def test_sitemap_and_feeds(client, make_article, make_case, news_index, case_index):
    make_article("订阅测试新闻")
    make_case("订阅测试案例")
    assert "订阅测试新闻" in get(client, news_index.url + "feed/")
    assert "订阅测试案例" in get(client, case_index.url + "feed/")
    assert news_index.url in get(client, "/sitemap.xml")


def test_upcoming_events_only_on_home(client, home, make_event):
    make_event("下周的演练", days_ahead=7)
    make_event("上个月的演练", days_ahead=-30)
    body = get(client, "/")
    assert "下周的演练" in body and "上个月的演练" not in body
