import pytest

pytestmark = pytest.mark.browser


def test_home_page_in_chromium_switches_language(asgi_server, phone, output_dir):
    phone.goto(asgi_server + "/")
    assert phone.locator("html").get_attribute("lang") == "zh-hans"
    assert "七进七赛" in phone.title()
    phone.screenshot(path=output_dir / "home-zh.png", full_page=True)

    phone.get_by_role("button", name="English").click()
    phone.wait_for_load_state()
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.get_by_text("Skip to content").count() == 1
    phone.screenshot(path=output_dir / "home-en.png", full_page=True)

    phone.get_by_role("button", name="简体中文").click()
    phone.wait_for_load_state()
    assert phone.locator("html").get_attribute("lang") == "zh-hans"
