"""The culture works' gallery, voting for a work on a phone, and a monthly bulletin with its chart,
in Debian's chromium at the sizes people use; screenshots in test-output/."""
from importlib import import_module

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from works.entries import Entry, Vote

pytestmark = pytest.mark.browser

SIZES = {"phone": (390, 844), "tablet": (1024, 768), "desktop": (1366, 768), "projector": (1920, 1080)}


@pytest.fixture
def demo(seeded_site, settings, tmp_path):
    for loader in ["core.organisations.demo", "works.demo", "demosites.demo", "bulletin.demo"]:
        import_module(loader).load()


@pytest.fixture
def sized(browser):
    contexts = []

    def make(size):
        width, height = SIZES[size]
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_gallery_filters_by_category(demo, asgi_server, sized, output_dir):
    for size in ("phone", "desktop"):
        page = sized(size)
        page.goto(asgi_server + "/works/")
        assert page.get_by_role("heading", level=1).inner_text() == "安全生产文化作品征集评选"
        assert page.locator(".works-card").count() == Entry.objects.filter(status="accepted").count() == 8
        page.locator(".works-card img").first.scroll_into_view_if_needed()  # the images load lazily
        page.wait_for_function("() => { const img = document.querySelector('.works-card img');"
                               " return img.complete && img.naturalWidth > 0; }", timeout=10000)
        page.evaluate("window.scrollTo(0, 0)")
        assert fits(page)
        page.screenshot(path=output_dir / f"gallery-{size}.png", full_page=True)
    page.get_by_role("navigation", name="筛选作品").get_by_role("link", name="海报").click()
    page.wait_for_load_state()
    assert page.locator(".works-card").count() == 2
    page.screenshot(path=output_dir / "gallery-posters-desktop.png", full_page=True)


def test_voting_on_a_phone(demo, asgi_server, sized, output_dir):
    person = get_user_model().objects.create_user("phone-voter", phone="+8613800138000", phone_verified=True)
    session = Client()
    session.force_login(person)
    page = sized("phone")
    page.context.add_cookies([{"name": "sessionid", "value": session.cookies["sessionid"].value, "url": asgi_server}])
    entry = Entry.objects.get(title="车间里的三分钟")
    before = entry.votes.filter(voided=False).count()
    page.goto(asgi_server + entry.url())
    button = page.get_by_role("button", name="为这件作品投票")
    assert button.is_visible() and fits(page)
    page.screenshot(path=output_dir / "vote-phone.png", full_page=True)
    button.click()
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text().startswith("您为“车间里的三分钟”的投票已计入")
    assert page.locator(".works-votes").inner_text() == f"{before + 1} 票"
    page.screenshot(path=output_dir / "voted-phone.png", full_page=True)
    page.get_by_role("button", name="为这件作品投票").click()
    page.wait_for_load_state()
    assert "今天已经投过" in page.get_by_role("alert").inner_text()
    assert Vote.objects.filter(voter=person).count() == 1


def test_bulletin_with_its_chart(demo, asgi_server, sized, output_dir):
    from bulletin.models import BulletinPage

    bulletin = BulletinPage.objects.order_by("-month").first()
    for size in ("projector", "phone", "tablet"):
        page = sized(size)
        page.goto(asgi_server + bulletin.url)
        page.locator("#bulletin-chart svg rect").first.wait_for(timeout=10000)
        assert page.locator(".bulletin-table").count() >= 2
        assert fits(page)
        page.screenshot(path=output_dir / f"bulletin-{size}.png", full_page=True)
    response = page.request.get(asgi_server + bulletin.url + "pdf/")
    assert response.ok and response.headers["content-type"] == "application/pdf"


def test_sending_an_entry_on_a_phone_and_a_desktop(demo, asgi_server, sized, output_dir):
    from core.organisations.models import Membership, Unit
    from works.models import WorksCallPage

    call = WorksCallPage.objects.get()
    person = get_user_model().objects.create_user("unit-member", phone="+8613800138001", phone_verified=True)
    session = Client()
    session.force_login(person)
    cookie = {"name": "sessionid", "value": session.cookies["sessionid"].value, "url": asgi_server}

    page = sized("phone")
    page.context.add_cookies([cookie])
    page.goto(asgi_server + call.url + "submit/")
    assert "请先申请加入您的单位" in page.get_by_role("alert").inner_text()
    page.screenshot(path=output_dir / "submit-no-unit-phone.png", full_page=True)

    unit = Unit.objects.filter(venue__isnull=False).first()
    Membership.objects.create(user=person, unit=unit, status=Membership.Status.VERIFIED)
    for size in ("phone", "desktop"):
        page = sized(size)
        page.context.add_cookies([cookie])
        page.goto(asgi_server + call.url + "submit/")
        assert page.get_by_label("单位").input_value() == str(unit.pk)  # the one unit he belongs to
        assert "MP4、MOV 或 WebM" in page.content()
        assert fits(page)
        page.screenshot(path=output_dir / f"submit-{size}.png", full_page=True)
    page.get_by_label("标题").fill("安全短片")
    page.get_by_role("button", name="提交").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/upload/works/{call.pk}/")
    assert page.get_by_role("alert").count() >= 1 and page.get_by_label("单位").input_value() == str(unit.pk)
    page.screenshot(path=output_dir / "submit-errors-desktop.png", full_page=True)
