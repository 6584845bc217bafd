"""The search page on a phone (390x844) and a desktop (1366x768), with screenshots to look at:
results with a title match first, a hazard, synonyms, and suggestions when nothing is found."""
import pytest
from django.core.management import call_command

pytestmark = pytest.mark.browser

SIZES = {"phone": (390, 844), "desktop": (1366, 768)}


@pytest.mark.parametrize("size", SIZES)
def test_search_results_and_suggestions(seeded_site, asgi_server, browser, output_dir, size):
    call_command("load_demo_content")
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()

    page.goto(asgi_server + "/search/?q=消防")
    results = page.locator(".search-results .card-title")
    assert results.count() > 0
    assert "消防" in results.first.inner_text()
    page.screenshot(path=output_dir / f"search-fire-{size}.png", full_page=True)

    page.goto(asgi_server + "/search/?q=农贸市场")
    assert "示例农贸市场消防设施缺失" in page.locator(".search-results").inner_text()
    page.locator(".search-results .card-title a").first.click()
    page.wait_for_load_state()
    assert "/hazards/" in page.url or "hazard-" in page.url

    page.goto(asgi_server + "/search/?q=消访")
    assert "共有 0 条结果" in page.get_by_role("status").inner_text()
    suggestions = page.locator(".search-suggestions a")
    assert "消防" in suggestions.all_inner_texts()
    page.screenshot(path=output_dir / f"search-typo-{size}.png", full_page=True)
    suggestions.filter(has_text="消防").first.click()
    page.wait_for_load_state()
    assert page.locator(".search-results .card-title").count() > 0
    context.close()
