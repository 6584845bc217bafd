"""In chromium on a desktop (1366 x 768): a handler finds his town's report in the triage list,
verifies it with a note, and closes it with a photo after rectification."""
import pytest
from django.contrib.auth.models import Group
from django.test import Client
from playwright.sync_api import expect

from core.organisations import demo as towns_demo
from core.organisations.models import Town
from core.taxonomy.models import CampaignArea
from reports.hazard_reports import Report, Status, TownHandler
from reports.scoping import HANDLERS_GROUP

from .conftest import gps_jpeg

pytestmark = pytest.mark.browser


def session_cookie(base_url, user):
    client = Client()
    client.force_login(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}


def test_a_handler_takes_his_report_from_received_to_rectified(browser, asgi_server, output_dir, tmp_path,
                                                               django_user_model):
    towns_demo.load()
    tangxia = Town.objects.get(name="塘下镇")
    handler = django_user_model.objects.create_user("tangxia", password="x")
    handler.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    TownHandler.objects.create(user=handler, town=tangxia)
    fire = CampaignArea.objects.get(code="fire")
    report = Report.objects.create(area=fire, town=tangxia, place="塘下镇某厂房后门", description="消防通道被货物堵塞",
                                   phone="13812345678", due_on="2026-12-20", handler=handler)
    Report.objects.create(area=fire, town=Town.objects.get(name="玉海街道"), place="玉海某处", description="别的镇街",
                          due_on="2026-12-20")
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    context.add_cookies([session_cookie(asgi_server, handler)])
    page = context.new_page()
    page.goto(f"{asgi_server}/admin/reports_triage/")
    expect(page.locator("table.listing")).to_contain_text(report.number)
    expect(page.locator("table.listing")).not_to_contain_text("玉海街道")
    page.screenshot(path=output_dir / "triage-list-1366.png", full_page=True)

    page.get_by_role("link", name=report.number).click()
    expect(page.locator(".report-phone")).to_have_text("13812345678")  # his own report: the phone in full
    page.fill("#id_verify-note", "派员现场核查")
    page.locator("#step-verify button[type=submit]").click()
    expect(page.locator("body")).to_contain_text("开始核查")
    page.fill("#id_rectify-note", "已责令整改")
    page.locator("#step-rectify button[type=submit]").click()
    photo = tmp_path / "after.jpg"
    photo.write_bytes(gps_jpeg(size=(640, 480), colour=(30, 160, 60)))
    page.fill("#id_close-note", "通道已清理，复查合格")
    page.set_input_files("#id_close-photos", str(photo))
    page.locator("#step-close button[type=submit]").click()
    expect(page.locator(".report-heading")).to_contain_text("已整改")
    page.screenshot(path=output_dir / "report-closed-1366.png", full_page=True)
    report.refresh_from_db()
    assert report.status == Status.RECTIFIED
    assert list(report.events.values_list("kind", flat=True)) == ["verifying", "rectifying", "rectified"]
    context.close()
