"""The admin in zh-hans has no English left on the pages editors use (Wagtail's own catalog leaves
some strings untranslated: config/wagtail_locale fills them), booleans read 是/否, and the contest
audit trail names its actors in Chinese."""
import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from core.accounts.roles import EDITORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def chinese_admin(admin_client):
    admin_client.cookies["django_language"] = "zh-hans"
    return admin_client


def text_of(response):
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_dashboard_counts_and_menu_in_chinese(chinese_admin, news_index):
    text = text_of(chinese_admin.get("/admin/"))
    assert re.search(r"\d+ 个页面", text) and re.search(r"\d+ 张图片", text) and re.search(r"\d+ 个文档", text)
    assert "Pages" not in text and "Images" not in text and "Documents" not in text
    html = chinese_admin.get("/admin/").content.decode()
    assert '"label": "页面"' in html or '"label":"页面"' in html or "页面" in html
    assert "分页" not in html


def test_the_explorer_and_the_editor_in_chinese(chinese_admin, admin_user, news_index, make_article):
    article = make_article("消防知识讲座")
    text = text_of(chinese_admin.get(f"/admin/pages/{news_index.pk}/"))
    assert "Exploring" not in text and "正在浏览" in text
    html = chinese_admin.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "JavaScript is required" not in html and "Keyboard shortcuts are" not in html
    article.save_revision(user=admin_user, log_action=True)  # a recent edit: the dashboard lists it
    dashboard = chinese_admin.get("/admin/").content.decode()
    assert "Privacy and access" not in dashboard and "隐私与访问权限" in dashboard
    assert "Search all pages" not in dashboard and "搜索全部页面…" in dashboard
    html = chinese_admin.get("/admin/snippets/sitesearch/synonymgroup/add/").content.decode()
    assert "New: " not in html and "新建：" in html


def test_submitting_for_moderation_is_reported_in_chinese(client, case_index, staff):
    from core.taxonomy.models import CampaignArea

    client.force_login(staff("editor", EDITORS))
    data = nested_form_data({
        "title": "某仓库违规", "slug": "warehouse", "unit_name": "示例仓库（虚构）", "unit_kind": "enterprise",
        "township": "塘下镇", "area": CampaignArea.objects.get(code="fire").pk, "facts": "堵塞消防通道",
        "legal_basis": "《消防法》", "fine_yuan": "5000", "detained_people": "0", "decision_number": "罚〔2019〕3号",
        "decision_date": "2019-06-10", "comments": inline_formset([]), "action-submit": "1",
    })
    url = reverse("wagtailadmin_pages:add", args=("cases", "violationcasepage", case_index.pk))
    text = text_of(client.post(url, data, follow=True))
    assert "submitted for moderation" not in text
    assert "已创建并提交审核" in text
    dashboard = text_of(client.get("/admin/"))
    assert "Your pages and snippets in a workflow" not in dashboard and "您在审核流程中的页面和片段" in dashboard


def test_booleans_read_yes_or_no(chinese_admin):
    from tests.interunit.conftest import make_contest

    make_contest()
    text = text_of(chinese_admin.get("/admin/snippets/contests/contest/"))
    assert "True" not in text and "False" not in text
    assert " 否 " in text


def test_the_pagination_of_public_listings_keeps_its_own_word(client, news_index, make_article):
    for number in range(11):
        make_article(f"新闻{number}")
    body = client.get(news_index.url).content.decode()
    assert 'aria-label="分页"' in body


def test_the_contest_audit_trail_names_actors_in_chinese(django_user_model):
    from contests.interunit.consumers import actor_label

    host = django_user_model(username="host1", first_name="三", last_name="张")
    judge = django_user_model(username="judge1")
    with translation.override("zh-hans"):
        assert actor_label("host", host) == "主持人 张三"
        assert actor_label("judge", judge) == "评委 judge1"
