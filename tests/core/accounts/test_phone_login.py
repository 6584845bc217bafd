import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qsl, urlparse

import pytest
from django.core.cache import cache
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured

from core.accounts import phone as phones
from core.accounts import roles
from core.accounts.sms import SMSError, aliyun, memory

pytestmark = pytest.mark.django_db
REQUEST = "/accounts/login/code/"
CONFIRM = "/accounts/login/code/confirm/"


def sign_in(client, number, next_url=None):
    url = REQUEST + (f"?next={next_url}" if next_url else "")
    response = client.post(url, {"phone": number})
    assert response.status_code == 302, response.content.decode()[:2000]
    code = memory.last_code(phones.normalise(number))
    return client.post(CONFIRM, {"code": code})


@pytest.mark.parametrize(
    "written, normal",
    [("13800138000", "+8613800138000"), ("138 0013 8000", "+8613800138000"), ("+86 138-0013-8000", "+8613800138000"),
     ("008613800138000", "+8613800138000"), ("+14155550100", "+14155550100")],
)
def test_numbers_are_normalised(written, normal):
    assert phones.normalise(written) == normal


def test_a_new_number_gets_a_participant_account_and_a_verified_phone(client, sms_outbox, django_user_model):
    response = sign_in(client, "13800138000")
    assert response.status_code == 302
    user = django_user_model.objects.get(phone="+8613800138000")
    assert phones.verified_phone(user) == "+8613800138000"
    assert not user.is_staff and not user.is_superuser and not user.groups.exists()
    assert not user.has_usable_password()
    assert client.session["_auth_user_id"] == str(user.pk)
    # Participants have no way into the admin.
    assert client.get("/admin/").status_code == 302


def test_the_same_number_signs_in_to_the_same_account(client, sms_outbox, django_user_model):
    sign_in(client, "13800138000")
    client.logout()
    cache.clear()  # one code per number per minute
    sign_in(client, "138 0013 8000")
    assert django_user_model.objects.filter(phone="+8613800138000").count() == 1


def test_a_wrong_code_does_not_sign_in(client, sms_outbox):
    client.post(REQUEST, {"phone": "13800138001"})
    code = memory.last_code("+8613800138001")
    wrong = "000000" if code != "000000" else "111111"
    response = client.post(CONFIRM, {"code": wrong})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_staff_number_never_receives_a_code(client, sms_outbox, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="a-long-Passphrase-2019", phone="+8613900139000")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    admin = django_user_model.objects.create_superuser("boss", password="a-long-Passphrase-2019", phone="+8613900139001")
    for user in (editor, admin):
        client.post(REQUEST, {"phone": user.phone})
        assert memory.last_code(user.phone) is None
    assert phones.verified_phone(editor) is None
    assert django_user_model.objects.filter(phone__in=[editor.phone, admin.phone]).count() == 2


def test_staff_password_login_still_works_and_no_email_codes(client, sms_outbox, django_user_model):
    django_user_model.objects.create_user("editor", email="editor@example.org", password="a-long-Passphrase-2019")
    response = client.post("/accounts/login/", {"login": "editor", "password": "a-long-Passphrase-2019"})
    assert response.status_code == 302
    client.logout()
    page = client.get(REQUEST).content.decode()
    assert 'name="email"' not in page and 'name="phone"' in page


def test_codes_are_rate_limited_per_number(client, sms_outbox):
    client.post(REQUEST, {"phone": "13800138002"})
    client.post(CONFIRM, {"code": "bad"})
    other = client.__class__()
    response = other.post(REQUEST, {"phone": "13800138002"})
    assert response.status_code == 200
    assert len([sent for sent in sms_outbox if sent[0] == "+8613800138002"]) == 1


def test_codes_are_rate_limited_per_address(client, sms_outbox, settings):
    settings.SMS_CODE_RATE_LIMITS_PER_ADDRESS = "3/m/ip"
    for index in range(5):
        client.__class__().post(REQUEST, {"phone": f"1380013810{index}"})
    assert len(sms_outbox) == 3


def test_the_per_address_limit_takes_no_lock(client, sms_outbox, settings):
    """A crowd behind one address is not refused while another request holds allauth's lock on
    the address's key: only the per-number rates go through allauth (core/accounts/address_limits.py)."""
    from allauth.core.internal.ratelimit import get_cache_key, parse_rate
    from django.core.cache import cache
    from django.test import RequestFactory

    assert settings.SMS_CODE_RATE_LIMITS_PER_ADDRESS
    # allauth's lock on the address's key of each per-address rate, held by slow requests elsewhere
    for rate in settings.SMS_CODE_RATE_LIMITS_PER_ADDRESS.split(","):
        key = get_cache_key(RequestFactory().post(REQUEST), app="allauth.account", action="request_login_code",
                            rate=parse_rate(rate))
        cache.set(f"{key}:lock", True, 10)
    response = client.post(REQUEST, {"phone": "13800138009"})
    assert response.status_code == 302
    assert [sent[0] for sent in sms_outbox] == ["+8613800138009"]
    assert all(rate.endswith("/key") for rate in settings.ACCOUNT_RATE_LIMITS["request_login_code"].split(","))


def test_bad_numbers_get_a_clear_error(client, sms_outbox):
    response = client.post(REQUEST, {"phone": "12345"})
    assert response.status_code == 200
    (error,) = response.context["form"].errors["phone"]
    assert error in response.content.decode()
    assert not sms_outbox


def test_no_sender_means_no_sms_sign_in(client, settings):
    settings.SMS_SENDER = ""
    response = client.post(REQUEST, {"phone": "13800138000"})
    assert "本站暂未开通短信验证码登录" in response.content.decode()


def test_verified_phone_of_anonymous_and_unverified(django_user_model):
    from django.contrib.auth.models import AnonymousUser

    assert phones.verified_phone(AnonymousUser()) is None
    user = django_user_model.objects.create_user("p", phone="+8613800138000")
    assert phones.verified_phone(user) is None


def test_masked():
    assert phones.masked("+8613800138000") == "138****8000"


class FakeAliyun(BaseHTTPRequestHandler):
    received = []
    answer = {"Code": "OK", "Message": "OK"}

    def do_GET(self):
        FakeAliyun.received.append(dict(parse_qsl(urlparse(self.path).query)))
        body = json.dumps(FakeAliyun.answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_aliyun(settings):
    server = HTTPServer(("127.0.0.1", 0), FakeAliyun)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.ALIYUN_SMS = {
        "access_key_id": "key-id", "access_key_secret": "secret", "sign_name": "应急管理局",
        "template_code": "SMS_1", "endpoint": f"http://127.0.0.1:{server.server_port}/",
    }
    FakeAliyun.received.clear()
    yield FakeAliyun
    server.shutdown()
    server.server_close()


def test_aliyun_sender_signs_its_request(fake_aliyun):
    aliyun.AliyunSender().send_code("+8613800138000", "123456")
    (params,) = fake_aliyun.received
    assert params["PhoneNumbers"] == "13800138000"
    assert json.loads(params["TemplateParam"]) == {"code": "123456"}
    sent_signature = params.pop("Signature")
    assert sent_signature == aliyun.signature(params, "secret")


def test_aliyun_refusal_raises(fake_aliyun):
    fake_aliyun.answer = {"Code": "isv.BUSINESS_LIMIT_CONTROL", "Message": "limit"}
    try:
        with pytest.raises(SMSError):
            aliyun.AliyunSender().send_code("+8613800138000", "123456")
    finally:
        fake_aliyun.answer = {"Code": "OK", "Message": "OK"}


def test_aliyun_without_keys_is_refused(settings):
    settings.ALIYUN_SMS = {"endpoint": "https://dysmsapi.aliyuncs.com/"}
    with pytest.raises(ImproperlyConfigured):
        aliyun.AliyunSender()
