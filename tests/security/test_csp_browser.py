"""The Content-Security-Policy in a real browser: public pages and the Wagtail admin raise no violation."""
import io

import pytest
from PIL import Image as PILImage
from wagtail.images.models import Image

from .browser_checks import PASSWORD, csp_violations, log_in, watch_console

pytestmark = pytest.mark.browser


def red_png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 80), "red").save(buffer, "PNG")
    return buffer.getvalue()


def home_page():
    """The home page (and root collection), rebuilt when an earlier transactional test flushed what the migrations made.

    (Serialized rollback cannot restore it here: Playwright's running event loop gives the test
    a different database connection object from the one that holds the serialized data.)
    """
    from wagtail.models import Collection, Locale, Page, Site

    from base.models import HomePage

    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    home = HomePage.objects.first()
    if home is None:
        Locale.objects.get_or_create(language_code="zh-hans")
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root"))
        home = root.add_child(instance=HomePage(title="七进七赛", slug="home"))
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return home


def test_public_pages_satisfy_the_policy(asgi_server, phone, output_dir):
    home_page()
    problems = watch_console(phone)
    for url in ("/", "/accounts/login/"):
        response = phone.goto(asgi_server + url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        phone.wait_for_load_state("networkidle")
    assert csp_violations(problems) == []
    phone.screenshot(path=output_dir / "login.png", full_page=True)


def test_an_inline_script_is_blocked_on_public_pages(asgi_server, phone):
    home_page()
    problems = watch_console(phone)
    phone.goto(asgi_server + "/")
    phone.evaluate(
        """() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';
        document.body.appendChild(s); }"""
    )
    assert phone.evaluate("() => window.injected") is None
    assert csp_violations(problems)


def test_admin_editor_image_chooser_and_listings_work_under_the_admin_policy(
    asgi_server, browser, django_user_model, output_dir
):
    django_user_model.objects.create_superuser("boss", "boss@example.org", PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    problems = watch_console(page)
    log_in(page, asgi_server, "boss")
    page.wait_for_url(asgi_server + "/admin/")

    home = home_page()
    page.goto(f"{asgi_server}/admin/pages/{home.pk}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("form#page-edit-form").count() == 1
    # The live preview panel renders the page in a same-origin iframe.
    page.click("button[data-side-panel-toggle='preview']")
    heading = page.frame_locator("iframe#w-preview-iframe").locator("h1")
    heading.wait_for(timeout=15_000)
    assert heading.inner_text() == home.title
    page.screenshot(path=output_dir / "editor.png")

    # The multiple-upload page previews the file in a canvas and posts it with XHR.
    page.goto(asgi_server + "/admin/images/multiple/add/")
    page.set_input_files("#fileupload", files=[{"name": "red.png", "mimeType": "image/png", "buffer": red_png()}])
    page.wait_for_selector("#upload-list li.upload-success", timeout=15_000)
    assert Image.objects.filter(title="red").exists()

    page.goto(asgi_server + "/admin/images/")
    page.wait_for_load_state("networkidle")
    page.evaluate("() => new window.ModalWorkflow({url: '/admin/images/chooser/'})")
    page.wait_for_selector(".modal-content form[data-chooser-modal-search], .modal-content .tab-content", timeout=20_000)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=output_dir / "image-chooser.png")

    for url in ("/admin/snippets/", "/admin/venue/", "/admin/users/"):
        response = page.goto(asgi_server + url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
    page.screenshot(path=output_dir / "users.png")

    # A signed-in editor sees Wagtail's user bar on public pages, under the strict policy.
    response = page.goto(asgi_server + "/")
    assert "script-src 'self'" in [part.strip() for part in response.headers["content-security-policy"].split(";")]
    page.click("[data-wagtail-userbar-trigger], wagtail-userbar >> button")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=output_dir / "userbar.png")
    context.close()
    assert csp_violations(problems) == []
    # Other console errors are Wagtail's own (an editing-session ping, axe results), with or without a CSP.
    assert problems["uncaught"] == []
