"""In chromium at the sizes people use: the furniture, the article tools and the 适老化 mode, screenshotted
into test-output/ (home, article, case, search, elderly mode at 390x844 and 1366x768; the phone's folded menu)."""
import pytest
from django.core.management import call_command

from cases.models import ViolationCasePage
from news.models import ArticlePage

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 768}}
NO_OVERFLOW = "document.documentElement.scrollWidth <= window.innerWidth"
FLOATING = """[...document.querySelectorAll('body *')].filter(e => ['fixed', 'sticky'].includes(getComputedStyle(e).position)
  && e.getClientRects().length).map(e => e.outerHTML.slice(0, 80))"""


@pytest.fixture
def sized(browser):
    contexts = []

    def open_page(size):
        context = browser.new_context(viewport=SIZES[size], locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        return page

    yield open_page
    for context in contexts:
        context.close()


def pixels(page, selector, prop):
    return float(page.evaluate(f"parseFloat(getComputedStyle(document.querySelector({selector!r})).{prop})"))


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_pages_and_elderly_mode(seeded_site, asgi_server, sized, output_dir, size):
    call_command("load_demo_content")
    article = ArticlePage.objects.live().order_by("date").last()
    case = ViolationCasePage.objects.live().first()
    page = sized(size)
    pages = {"home": "/", "article": article.url, "case": case.url, "search": "/search/?q=%E6%B6%88%E9%98%B2"}
    for name, url in pages.items():
        page.goto(asgi_server + url)
        assert page.evaluate(NO_OVERFLOW), name
        assert page.locator("header .publisher").inner_text() == "瑞安市应急管理局"
        assert page.get_by_role("link", name="网站地图").is_visible()
        page.screenshot(path=output_dir / f"{name}-{size}.png", full_page=True)

    # The switch is reached and pressed with the keyboard alone; the mode then holds on every page.
    page.goto(asgi_server + article.url)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "适老模式":
            break
    else:
        raise AssertionError("the elderly-mode switch is not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("class") == "elderly"
    assert page.url == asgi_server + article.url
    body_size = pixels(page, "#article-body p", "fontSize")
    assert body_size >= 18 and pixels(page, "#article-body p", "lineHeight") >= 1.3 * body_size
    assert page.evaluate(FLOATING) == []
    if size == "phone":  # the folded menu's button, then its links, are large targets
        toggle = page.get_by_role("button", name="栏目导航")
        assert toggle.bounding_box()["height"] >= 44
        toggle.click()
    assert page.locator(".site-nav a").first.bounding_box()["height"] >= 44
    page.screenshot(path=output_dir / f"elderly-article-{size}.png", full_page=True)

    # Text size 小 keeps the elderly body at 18 px or more; 大 makes it larger and is remembered. In
    # this mode the header offers the sizes on every page, beside the article's own tools.
    header = page.locator("header")
    header.get_by_role("button", name="小", exact=True).click()
    assert pixels(page, "#article-body p", "fontSize") >= 18
    assert page.locator(".article-tools").get_by_role("button", name="小", exact=True).get_attribute("aria-pressed") == "true"
    header.get_by_role("button", name="大", exact=True).click()
    large = pixels(page, "#article-body p", "fontSize")
    assert large > body_size
    page.goto(asgi_server + "/")
    assert page.locator("html").get_attribute("class") == "elderly text-size-large"
    assert header.get_by_role("button", name="大", exact=True).get_attribute("aria-pressed") == "true"
    page.screenshot(path=output_dir / f"elderly-home-{size}.png", full_page=True)
    page.get_by_role("button", name="退出适老模式").click()
    page.wait_for_load_state()
    assert "elderly" not in (page.locator("html").get_attribute("class") or "")
    assert page.errors == []


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_phone_menu_folds_behind_one_button(seeded_site, asgi_server, sized, output_dir, size):
    call_command("load_demo_content")
    page = sized(size)
    page.goto(asgi_server + "/")
    menu = page.get_by_role("navigation", name="主导航")
    toggle, cases = menu.get_by_role("button", name="栏目导航"), menu.get_by_role("link", name="典型案例曝光")
    if size == "desktop":  # wide screens always show the menu, without a button
        assert toggle.is_hidden() and cases.is_visible()
        return
    # On a phone the page starts with its content: the folded menu is one bar.
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false" and cases.is_hidden()
    assert menu.bounding_box()["height"] < 70
    page.screenshot(path=output_dir / "menu-phone-folded.png")
    toggle.press("Enter")  # the keyboard opens it too
    assert toggle.get_attribute("aria-expanded") == "true" and cases.is_visible()
    assert page.evaluate(NO_OVERFLOW)
    page.screenshot(path=output_dir / "menu-phone-open.png")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false" and cases.is_hidden()
    toggle.click()
    cases.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "典型案例曝光"
    assert page.errors == []


def test_article_tools_in_chromium(seeded_site, asgi_server, sized, output_dir):
    call_command("load_demo_content")
    article = ArticlePage.objects.live().order_by("date").last()
    page = sized("phone")
    page.goto(asgi_server + article.url)
    normal = pixels(page, "#article-body p", "fontSize")
    page.get_by_role("button", name="大", exact=True).click()
    assert page.get_by_role("button", name="大", exact=True).get_attribute("aria-pressed") == "true"
    assert pixels(page, "#article-body p", "fontSize") > normal
    page.reload()
    assert pixels(page, "#article-body p", "fontSize") > normal
    page.get_by_role("button", name="中", exact=True).click()
    assert pixels(page, "#article-body p", "fontSize") == normal

    assert page.get_by_role("button", name="打印").is_visible()
    read_aloud = page.get_by_role("button", name="朗读全文")
    assert read_aloud.is_visible() == page.evaluate("'speechSynthesis' in window")
    read_aloud.click()  # headless chromium has no voice: it must stop cleanly, not break the page

    page.get_by_text("分享", exact=True).click()
    qr = page.get_by_role("img", name="本页二维码")
    assert qr.is_visible() and qr.bounding_box()["width"] >= 150
    assert page.get_by_text(article.full_url).is_visible() or article.url in page.locator(".share-url").inner_text()
    page.screenshot(path=output_dir / "article-share.png", full_page=True)

    page.emulate_media(media="print")
    assert page.locator(".site-nav").is_hidden() and page.locator(".tool-row").is_hidden()
    assert page.locator("#article-body").is_visible()
    page.emulate_media(media="screen")
    assert page.errors == []


def test_designed_404_in_chromium(seeded_site, asgi_server, sized, output_dir):
    page = sized("phone")
    response = page.goto(asgi_server + "/no-such-page/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "页面不存在"
    page.screenshot(path=output_dir / "not-found-phone.png", full_page=True)
