"""The listed hazards page and a search for 消防 / 农贸市场 on a phone (390x844) and a desktop
(1366x768), with screenshots to look at; a hazard only in review is on neither."""
import pytest
from django.core.management import call_command

from hazards.models import ListedHazard

pytestmark = pytest.mark.browser

SIZES = {"phone": (390, 844), "desktop": (1366, 768)}


@pytest.mark.parametrize("size", SIZES)
def test_the_hazards_page_and_the_search_show_published_hazards(seeded_site, asgi_server, browser, output_dir, size):
    call_command("load_demo_content")
    in_review = ListedHazard.objects.get(title__startswith="示例农贸市场")
    in_review.progress = "经营户李建国拒不整改。"
    in_review.submit_for_review(None)  # a draft revision in review: the public keeps the live version
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()

    page.goto(asgi_server + "/hazards/")
    cards = page.locator(".card-list .card")
    assert cards.count() == ListedHazard.objects.filter(live=True).count() >= 3
    assert "示例农贸市场消防设施缺失" in page.locator("main").inner_text()
    assert "李建国" not in page.content()
    page.screenshot(path=output_dir / f"hazards-{size}.png", full_page=True)

    page.goto(asgi_server + "/search/?q=农贸市场")
    assert "示例农贸市场消防设施缺失" in page.locator(".search-results").inner_text()
    page.screenshot(path=output_dir / f"search-market-{size}.png", full_page=True)
    page.goto(asgi_server + "/search/?q=消防")
    assert page.locator(".search-results .card-title").count() > 0
    assert "李建国" not in page.content()
    page.screenshot(path=output_dir / f"search-fire-{size}.png", full_page=True)
    context.close()
