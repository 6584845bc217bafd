"""axe-core (axe-playwright-python) over every public page type, in the standard and the 适老化 mode, at a
phone (390x844) and a desktop (1366x768): no serious or critical violation. docs/accessibility.md sums it up;
each run writes its findings to test-output/<test>/axe.json."""
import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from wagtail.models import Page

from furniture.elderly_mode import COOKIE

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 768}}
BLOCKING = {"serious", "critical"}
# Public views off the page tree, and a filter page of a routable index.
OTHER_URLS = [
    "/news/area/fire/", "/search/?q=%E6%B6%88%E9%98%B2", "/search/?q=%E6%97%A0%E6%AD%A4%E8%AF%8D", "/sitemap/",
    "/no-such-page/", "/live/games/", "/accounts/login/",
]


def public_urls():
    """One live page of every page type in the tree, then the other public views."""
    urls = {}
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path").specific():
        urls.setdefault(type(page).__name__, page.url)
    return urls, OTHER_URLS


def test_no_serious_or_critical_violations(seeded_site, asgi_server, browser, output_dir):
    call_command("load_demo_content")  # once for both modes: the demo content is most of the test's time
    page_types, others = public_urls()
    assert {"HomePage", "ArticlePage", "ViolationCasePage", "ModelUnitPage", "EventPage", "CampaignPage",
            "OnlineContestPage", "AdGalleryPage", "HazardIndexPage"} <= set(page_types)
    axe = Axe()
    findings, blocking = [], []
    for mode in ("standard", "elderly"):
        for size, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport, locale="zh-CN")
            if mode == "elderly":
                context.add_cookies([{"name": COOKIE, "value": "1", "url": asgi_server}])
            page = context.new_page()
            for label, url in [*page_types.items(), *((url, url) for url in others)]:
                page.goto(asgi_server + url)
                if not url.startswith("/live/"):  # live pages have a full-screen layout of their own
                    assert (page.locator("html").get_attribute("class") == "elderly") == (mode == "elderly"), url
                results = axe.run(page)
                assert results.response["testEngine"]["name"] == "axe-core"
                for violation in results.response["violations"]:
                    finding = {"mode": mode, "size": size, "page": label, "url": url, "rule": violation["id"],
                               "impact": violation["impact"], "nodes": [node["target"] for node in violation["nodes"]]}
                    findings.append(finding)
                    if violation["impact"] in BLOCKING:
                        blocking.append(finding)
            context.close()
    (output_dir / "axe.json").write_text(json.dumps(findings, ensure_ascii=False, indent=1))
    assert blocking == []
