"""WeChat sign-in: offered only with both keys in the environment; it makes participants only."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.core import context
from allauth.socialaccount.helpers import complete_social_login
from allauth.socialaccount.models import SocialAccount, SocialApp
from allauth.socialaccount.providers import registry
from allauth.socialaccount.providers.weixin.provider import WeixinProvider
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from core.accounts import roles, weixin

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.urls import reverse
from core.accounts import weixin
print(json.dumps({
    "installed": "allauth.socialaccount.providers.weixin" in settings.INSTALLED_APPS,
    "url": weixin.login_url("/contest/"),
    "apps": settings.SOCIALACCOUNT_PROVIDERS.get("weixin", {}).get("APPS", []),
}))
"""


def probe(**keys):
    """The settings as a fresh process reads them from this environment."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("WEIXIN_")}
    environment.update(keys, DJANGO_SETTINGS_MODULE="config.settings", PYTHONPATH=f"{ROOT / 'site'}:{ROOT}")
    result = subprocess.run([sys.executable, "-c", PROBE], env=environment, cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_keys_the_provider_is_not_installed_nor_offered(client):
    assert not weixin.enabled()
    assert weixin.login_url("/") is None
    with pytest.raises(NoReverseMatch):
        reverse("weixin_login")
    assert client.post("/accounts/weixin/login/").status_code == 404


def test_one_key_keeps_wechat_off():
    assert probe(WEIXIN_APP_ID="wx123") == {"installed": False, "url": None, "apps": []}


def test_both_keys_install_the_provider_and_its_login_url():
    found = probe(WEIXIN_APP_ID="wx123", WEIXIN_APP_SECRET="s3cret")
    assert found["installed"]
    assert found["url"] == "/accounts/weixin/login/?next=%2Fcontest%2F"
    assert found["apps"] == [{"client_id": "wx123", "secret": "s3cret"}]


@pytest.fixture
def configured(settings, monkeypatch):
    """The Weixin provider as both keys make it, inside this process (its URLs aside)."""
    settings.SOCIALACCOUNT_PROVIDERS = {"weixin": {"APPS": [{"client_id": "wx123", "secret": "s3cret"}]}}
    monkeypatch.setitem(registry.provider_map, WeixinProvider.id, WeixinProvider)
    monkeypatch.setattr(weixin, "enabled", lambda: True)


def wechat_request(user=None):
    request = RequestFactory().get("/accounts/weixin/login/callback/")
    SessionMiddleware(lambda r: None).process_request(request)
    request.session.save()
    request._messages = FallbackStorage(request)
    request.user = user or AnonymousUser()
    return request


def wechat_login(request, openid, nickname="小王"):
    """What the callback does once WeChat has vouched for `openid` (allauth's own flow from there)."""
    provider = WeixinProvider(request, app=SocialApp(provider="weixin", client_id="wx123", secret="s3cret"))
    with context.request_context(request):
        sociallogin = provider.sociallogin_from_response(request, {"openid": openid, "nickname": nickname})
        return complete_social_login(request, sociallogin)


def test_a_wechat_sign_up_makes_a_participant_without_staff_rights(configured):
    request = wechat_request()
    response = wechat_login(request, "openid-1")
    assert response.status_code == 302
    account = SocialAccount.objects.get(provider="weixin", uid="openid-1")
    user = account.user
    assert not user.is_staff and not user.is_superuser
    assert not user.groups.exists() and not user.get_all_permissions()
    assert not user.has_usable_password()
    assert request.user == user
    assert weixin.signed_in_with_weixin(user)
    # The same openid signs the same person in again: no second account.
    wechat_login(wechat_request(), "openid-1")
    assert get_user_model().objects.filter(socialaccount__uid="openid-1").count() == 1


def test_a_staff_account_never_signs_in_through_wechat(configured):
    staff = get_user_model().objects.create_user("redactor", password="pw-123456789", is_staff=True)
    SocialAccount.objects.create(user=staff, provider="weixin", uid="openid-staff")
    request = wechat_request()
    response = wechat_login(request, "openid-staff")
    assert response.status_code == 302 and response.url == reverse("account_login")
    assert not request.user.is_authenticated
    # Nor a group member made a participant's WeChat account into a reviewer.
    wechat_login(wechat_request(), "openid-2")
    member = SocialAccount.objects.get(uid="openid-2").user
    member.groups.add(Group.objects.get(name=roles.REVIEWERS))
    request = wechat_request()
    wechat_login(request, "openid-2")
    assert not request.user.is_authenticated


def test_wechat_is_not_connected_to_a_signed_in_staff_account(configured):
    staff = get_user_model().objects.create_user("host", password="pw-123456789", is_staff=True)
    request = wechat_request(staff)
    response = wechat_login(request, "openid-3")
    assert response.url == reverse("account_login")
    assert not SocialAccount.objects.filter(uid="openid-3").exists()


def test_keys_come_from_the_environment_only(configured):
    SocialApp.objects.create(provider="weixin", name="planted", client_id="wx-planted", secret="x")
    from allauth.socialaccount.adapter import get_adapter

    assert [app.client_id for app in get_adapter().list_apps(None, provider="weixin")] == ["wx123"]
