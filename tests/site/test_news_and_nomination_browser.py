"""On a 360 px phone: combining news filters, and a nomination waiting in 法制审核 in the admin."""
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from core.accounts.roles import REVIEWERS
from units.models import Nomination

pytestmark = pytest.mark.browser


def test_phone_combines_news_filters(seeded_site, asgi_server, phone, output_dir):
    call_command("load_demo_content")
    phone.goto(asgi_server + "/news/")
    filters = phone.get_by_role("navigation", name="筛选新闻")
    filters.get_by_role("link", name="学校", exact=True).click()
    phone.wait_for_load_state()
    filters.get_by_role("link", name="2019", exact=True).click()
    phone.wait_for_load_state()
    assert phone.url.endswith("/news/venue/school/year/2019/")
    assert phone.get_by_role("heading", level=1).inner_text() == "新闻动态 · 学校 · 2019"
    assert filters.get_by_role("link", name="清除全部筛选").is_visible()
    assert phone.locator(".card-list .card").count() >= 1
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    phone.screenshot(path=output_dir / "news-filtered.png", full_page=True)

    filters.get_by_role("link", name="清除全部筛选").click()
    phone.wait_for_load_state()
    assert phone.url.endswith("/news/")


def test_admin_shows_the_nomination_in_legal_review(seeded_site, asgi_server, phone, output_dir):
    call_command("load_demo_content")
    reviewer = get_user_model().objects.create_user("reviewer", password="x-Secret-2019")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    session = Client()
    session.force_login(reviewer)
    phone.context.add_cookies([{"name": "sessionid", "value": session.cookies["sessionid"].value, "url": asgi_server}])
    nomination = Nomination.objects.get()
    assert nomination.workflow_in_progress

    phone.goto(f"{asgi_server}/admin/nominations/edit/{nomination.pk}/")
    phone.locator("[data-side-panel-toggle='status']").click()
    status = phone.locator("[data-side-panel='status']")
    status.get_by_text("法制审核").first.wait_for(timeout=5000)
    phone.screenshot(path=output_dir / "nomination-in-review.png")
    phone.locator("[data-side-panel-toggle='status']").click()
    phone.wait_for_timeout(500)  # the side panel slides away
    assert phone.locator("footer").get_by_text("发布", exact=True).count() == 0
    phone.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    phone.wait_for_timeout(300)  # the menu fades in
    phone.screenshot(path=output_dir / "nomination-review-actions.png")
    footer = phone.locator("footer")
    assert footer.get_by_text("带评论批准").first.is_visible() and footer.get_by_text("请求修改").first.is_visible()
