"""Sections not updated for FRESHNESS_DAYS days: the dashboard panel and `manage.py check_freshness`."""
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from hazards.models import ListedHazard
from publishing.freshness import last_update, sections, stale_sections

pytestmark = pytest.mark.django_db


def published(page, days_ago):
    moment = timezone.now() - timedelta(days=days_ago)
    Page.objects.filter(pk=page.pk).update(last_published_at=moment, first_published_at=moment)
    return moment


def titles(found):
    return [section.page.title for section in found]


def test_a_section_is_as_fresh_as_its_newest_child(news_index, make_article):
    published(news_index, 40)
    article = make_article("新闻一")
    published(article, 20)
    assert titles(stale_sections()) == ["新闻动态"]
    newest = published(make_article("新闻二"), 3)
    assert last_update(news_index) == newest
    assert stale_sections() == []


def test_the_default_rule_is_fourteen_days_and_configurable(settings, news_index, make_article):
    published(news_index, 30)
    published(make_article(), 14)
    assert titles(stale_sections()) == ["新闻动态"]
    settings.FRESHNESS_DAYS = 15
    assert stale_sections() == []
    published(make_article(), 13)
    settings.FRESHNESS_DAYS = 14
    assert stale_sections() == []


def test_drafts_and_unpublished_children_do_not_count(news_index, make_article):
    published(news_index, 30)
    article = make_article("草稿")
    published(article, 30)
    article.save_revision()  # a newer draft is not an update the public sees
    Page.objects.filter(pk=make_article("已撤下").pk).update(live=False)
    assert titles(stale_sections()) == ["新闻动态"]


def test_only_sections_are_listed_longest_first(news_index, case_index, make_article, make_case):
    published(news_index, 50)
    published(case_index, 80)
    published(make_case(), 60)
    published(make_article(), 30)
    found = sections()
    assert titles(found) == ["典型案例曝光", "新闻动态"]
    assert [section.days for section in found] == [60, 30]


def test_the_hazard_list_is_updated_by_its_hazards(hazard_index, make_hazard):
    published(hazard_index, 40)
    hazard = make_hazard()
    assert stale_sections() == []
    ListedHazard.objects.filter(pk=hazard.pk).update(updated_at=timezone.now() - timedelta(days=20))
    assert titles(stale_sections()) == ["挂牌督办"]


def test_the_command_lists_stale_sections(news_index, case_index, make_case):
    published(news_index, 30)
    published(case_index, 30)
    published(make_case(), 2)
    out = StringIO()
    call_command("check_freshness", stdout=out)
    text = out.getvalue()
    assert "新闻动态" in text and "典型案例曝光" not in text
    assert "2 个栏目中有 1 个超过 14 天未更新" in text
    out = StringIO()
    call_command("check_freshness", "--all", stdout=out)
    assert "典型案例曝光" in out.getvalue()
    with pytest.raises(CommandError, match="超过 14 天未更新"):
        call_command("check_freshness", "--fail", stdout=StringIO())


def test_editors_see_the_panel_on_the_dashboard(admin_client, news_index, case_index, make_case):
    published(news_index, 30)
    published(case_index, 1)
    body = admin_client.get("/admin/").content.decode()
    assert "待更新的栏目" in body
    assert f'href="/admin/pages/{news_index.pk}/"' in body
    assert "典型案例曝光" not in body.split("待更新的栏目")[1]


def test_the_panel_says_when_every_section_is_fresh(admin_client, news_index):
    published(news_index, 1)
    body = admin_client.get("/admin/").content.decode()
    assert "全部 1 个栏目均在最近 14 天内更新过" in body
