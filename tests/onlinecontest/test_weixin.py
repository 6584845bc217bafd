"""The contest with WeChat sign-in: offered only when configured; a WeChat participant plays."""
import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client

from core.accounts import weixin
from onlinecontest.records import ContestAttempt, Participant
from tests.onlinecontest.helpers import join, play

pytestmark = pytest.mark.django_db


def test_the_sign_in_card_offers_wechat_only_when_configured(contest, monkeypatch):
    page = Client(HTTP_ACCEPT_LANGUAGE="zh-hans").get(contest.url).content.decode()
    assert "手机号登录" in page and "微信登录" not in page
    monkeypatch.setattr(weixin, "login_url", lambda next_url: f"/accounts/weixin/login/?next={next_url}")
    caches["pages"].clear()  # the anonymous copy of the page (site/pagecache) was made without WeChat
    page = Client(HTTP_ACCEPT_LANGUAGE="zh-hans").get(contest.url).content.decode()
    assert "微信登录" in page
    assert f'action="/accounts/weixin/login/?next={contest.url}"' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_a_wechat_participant_joins_and_plays(contest, monkeypatch):
    monkeypatch.setattr(weixin, "enabled", lambda: True)
    user = get_user_model().objects.create_user("wx-person")
    SocialAccount.objects.create(user=user, provider="weixin", uid="openid-1")
    client = Client()
    client.force_login(user)
    assert join(client, contest).status_code == 302
    assert Participant.objects.get().user == user
    assert play(client, contest, right=5).status == ContestAttempt.Status.SCORED


def test_a_wechat_account_counts_only_while_wechat_is_configured(contest):
    user = get_user_model().objects.create_user("wx-person")
    SocialAccount.objects.create(user=user, provider="weixin", uid="openid-1")
    client = Client()
    client.force_login(user)
    assert join(client, contest).status_code == 302
    assert not Participant.objects.exists()
