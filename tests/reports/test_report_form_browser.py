"""A phone (390 x 844) sends a report with a photo through the real form under daphne."""
import pytest

from .conftest import gps_jpeg

pytestmark = pytest.mark.browser


@pytest.fixture
def report_url(asgi_server):
    from core.organisations import demo as towns_demo
    from reports.models import ReportsPage
    from wagtail.models import Page

    towns_demo.load()
    page = ReportsPage(title="随手拍", slug="report", introduction="发现安全隐患？拍下来，告诉我们。")
    Page.objects.get(depth=2).add_child(instance=page)
    page.save_revision().publish()
    return asgi_server + page.url


def test_a_phone_sends_a_report_with_a_photo(browser, report_url, output_dir, tmp_path):
    from reports.hazard_reports import Report

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", device_scale_factor=2)
    phone = context.new_page()
    errors = []
    phone.on("response", lambda response: errors.append(response.url) if response.status >= 400 else None)
    phone.goto(report_url)
    phone.screenshot(path=output_dir / "report-form-390.png", full_page=True)
    # Nothing runs off the side of a phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    photo = tmp_path / "hazard.jpg"
    photo.write_bytes(gps_jpeg(size=(800, 600)))

    phone.get_by_label("类别").select_option(label="消防安全")
    phone.get_by_placeholder("查找镇街（汉字或拼音，如 tx）").fill("tx")  # pinyin initials of 塘下镇
    assert phone.locator("#id_town option:checked").inner_text() == "塘下镇"
    phone.get_by_label("地点（街道、楼栋、标志物）").fill("塘下镇某厂房后门")
    phone.get_by_label("隐患情况").fill("消防通道被货物堵塞")
    phone.get_by_label("照片（最多6张）").set_input_files(str(photo))
    phone.get_by_label("联系电话").fill("1381234")
    phone.get_by_text("我确认举报内容属实").click()
    phone.get_by_role("button", name="提交举报").click()
    phone.wait_for_load_state()
    # A wrong phone: told in Chinese, everything typed kept.
    assert phone.get_by_text("请输入11位手机号码。").is_visible()
    assert phone.get_by_text("请重新选择照片后再提交").is_visible()
    assert phone.get_by_label("地点（街道、楼栋、标志物）").input_value() == "塘下镇某厂房后门"
    phone.screenshot(path=output_dir / "report-form-error-390.png", full_page=True)
    phone.get_by_label("联系电话").fill("13812345678")
    phone.get_by_label("照片（最多6张）").set_input_files(str(photo))
    phone.get_by_role("button", name="提交举报").click()
    phone.wait_for_load_state()

    report = Report.objects.get()
    assert phone.get_by_text("感谢您的举报，我们已受理。").is_visible()
    assert phone.get_by_text(report.number).first.is_visible()
    assert report.photos.count() == 1
    thumbnail = phone.locator(".photo-grid img").first
    assert thumbnail.evaluate("img => img.complete && img.naturalWidth > 0")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=output_dir / "report-sent-390.png", full_page=True)
    assert not errors
    context.close()
