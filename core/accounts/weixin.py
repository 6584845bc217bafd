"""WeChat sign-in (allauth's Weixin provider): on only when WEIXIN_APP_ID and WEIXIN_APP_SECRET
are set (site/config/settings); without them the provider is not installed and nothing offers it.

An account made by WeChat is a participant like a phone one (core.accounts.phone): no staff power,
and a staff account never signs in through WeChat (core.accounts.social_adapter)."""
from urllib.parse import urlencode

from django.apps import apps
from django.urls import reverse

PROVIDER = "weixin"
PROVIDER_APP = "allauth.socialaccount.providers.weixin"


def enabled():
    return apps.is_installed(PROVIDER_APP)


def login_url(next_url):
    """Where a sign-in form posts to start WeChat sign-in (then back to next_url), or None when off."""
    if not enabled():
        return None
    return f"{reverse('weixin_login')}?{urlencode({'next': next_url})}"


def signed_in_with_weixin(user):
    """Whether the user is signed in with an account that a WeChat identity (openid) vouches for."""
    if user is None or not user.is_authenticated or not enabled():
        return False
    return user.socialaccount_set.filter(provider=PROVIDER).exists()
