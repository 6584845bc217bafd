"""A Reviewer's first login in chromium: sent to TOTP setup, sets it up, reaches the admin, with
the CSP applied and every page in Chinese."""
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth.models import Group, Permission

from core.accounts import roles

from .browser_checks import PASSWORD, csp_violations, log_in, watch_console

pytestmark = pytest.mark.browser


@pytest.fixture
def mfa_for_reviewers(settings):
    """Set before the server starts: its process is forked with these settings."""
    settings.MFA_REQUIRED_GROUPS = [roles.REVIEWERS]


@pytest.fixture
def reviewer(transactional_db, django_user_model):
    # An earlier transactional test may have flushed the groups the migration made.
    group, _ = Group.objects.get_or_create(name=roles.REVIEWERS)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("reviewer", "reviewer@example.org", PASSWORD)
    user.groups.add(group)
    return user


# The server starts before the test touches the database: a forked server would otherwise
# inherit the test's open PostgreSQL pool connections.
def test_a_reviewer_without_totp_sets_it_up_before_reaching_the_admin(
    mfa_for_reviewers, asgi_server, reviewer, browser, output_dir
):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN", device_scale_factor=2)
    page = context.new_page()
    problems = watch_console(page)
    log_in(page, asgi_server, "reviewer")
    # The admin is not reachable yet: allauth asks for the password again, then shows the QR code.
    page.wait_for_url("**/accounts/reauthenticate/**")
    assert "确认" in page.content()
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/accounts/2fa/totp/activate/")
    assert page.locator("h1").inner_text() == "激活身份验证器应用"
    assert page.locator("img[src^='data:image/svg+xml']").is_visible()
    page.screenshot(path=output_dir / "totp-setup.png", full_page=True)
    page.goto(asgi_server + "/admin/")
    assert page.url.endswith("/accounts/2fa/totp/activate/")

    secret = page.locator("#authenticator_secret").input_value()
    page.fill("input[name=code]", format_hotp_value(hotp_value(secret, int(time.time()) // 30)))
    page.click("main form button[type=submit]")
    page.wait_for_url("**/accounts/2fa/recovery-codes/")
    assert page.locator("#recovery_codes").input_value().count("\n") >= 9
    assert page.locator("script[src*='mfa/js/recovery_codes.js']").count() == 1  # allauth's own JS, from static
    page.screenshot(path=output_dir / "recovery-codes.png", full_page=True)
    assert Authenticator.objects.filter(user=reviewer, type=Authenticator.Type.TOTP).exists()

    page.goto(asgi_server + "/admin/")
    assert page.url == asgi_server + "/admin/"
    context.close()
    assert csp_violations(problems) == []
    assert problems["uncaught"] == []
