"""On a 360 px phone: home → case list → filter → case page, with screenshots."""
import pytest
from django.core.management import call_command

pytestmark = pytest.mark.browser


def screenshot(page, path):
    """A full-page screenshot with the lazy images below the fold loaded too."""
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })")
    # Polled from here: wait_for_function evaluates a string, which the site's CSP forbids.
    for _ in range(100):
        if page.evaluate("Array.from(document.images).every(img => img.complete)"):
            break
        page.wait_for_timeout(100)
    page.screenshot(path=path, full_page=True)


def test_phone_walks_from_home_to_a_filtered_case(seeded_site, asgi_server, phone, output_dir):
    call_command("load_demo_content")
    phone.goto(asgi_server + "/")
    assert phone.locator("html").get_attribute("lang") == "zh-hans"
    assert phone.get_by_text("防风险、除隐患、遏事故").first.is_visible()
    screenshot(phone, output_dir / "1-home.png")

    menu = phone.get_by_role("navigation", name="主导航")
    menu.get_by_role("button", name="栏目导航").click()  # on a phone the menu is folded behind one button
    menu.get_by_role("link", name="典型案例曝光").click()
    phone.wait_for_load_state()
    assert phone.get_by_role("heading", level=1).inner_text() == "典型案例曝光"
    assert "共 6 起案例" in phone.locator(".totals").inner_text()
    screenshot(phone, output_dir / "2-cases.png")

    phone.get_by_label("攻坚领域").select_option(label="危险化学品")
    phone.get_by_role("button", name="筛选").click()
    phone.wait_for_load_state()
    assert "area=hazardous-chemicals" in phone.url
    assert "共 1 起案例，罚款合计 8 万元" in phone.locator(".totals").inner_text()
    screenshot(phone, output_dir / "3-filtered.png")

    phone.locator(".case-card h3 a").first.click()
    phone.wait_for_load_state()
    assert "危化品" in phone.get_by_role("heading", level=1).inner_text()
    assert phone.get_by_text("责令停产停业").is_visible()
    no_sideways_scroll = phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert no_sideways_scroll
    screenshot(phone, output_dir / "4-case.png")
