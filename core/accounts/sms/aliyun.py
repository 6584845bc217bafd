"""Aliyun SMS (dysmsapi SendSms, RPC signature version 1.0: HMAC-SHA1 over the sorted query).

Settings (from the environment, docs/deploy.md): ALIYUN_SMS_ACCESS_KEY_ID, ALIYUN_SMS_ACCESS_KEY_SECRET,
ALIYUN_SMS_SIGN_NAME, ALIYUN_SMS_TEMPLATE_CODE (a template with one ${code} variable) and
ALIYUN_SMS_ENDPOINT (https://dysmsapi.aliyuncs.com/ unless set).
"""
import base64
import hashlib
import hmac
import json
import uuid
from datetime import datetime, timezone
from urllib.error import URLError
from urllib.parse import quote, urlencode
from urllib.request import urlopen

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from . import SMSError

TIMEOUT_SECONDS = 5


def percent_encode(value):
    return quote(str(value), safe="~")


def signature(params, secret, method="GET"):
    canonical = "&".join(f"{percent_encode(key)}={percent_encode(params[key])}" for key in sorted(params))
    to_sign = f"{method}&{percent_encode('/')}&{percent_encode(canonical)}"
    digest = hmac.new(f"{secret}&".encode(), to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def national_number(phone):
    """Aliyun wants mainland numbers without +86."""
    return phone[3:] if phone.startswith("+86") else phone.lstrip("+")


class AliyunSender:
    def __init__(self):
        self.options = settings.ALIYUN_SMS
        missing = [key for key in ("access_key_id", "access_key_secret", "sign_name", "template_code") if not self.options.get(key)]
        if missing:
            raise ImproperlyConfigured(f"Aliyun SMS needs {', '.join(missing)} (ALIYUN_SMS_* environment variables)")

    def params(self, phone, code):
        return {
            "AccessKeyId": self.options["access_key_id"],
            "Action": "SendSms",
            "Format": "JSON",
            "PhoneNumbers": national_number(phone),
            "RegionId": "cn-hangzhou",
            "SignName": self.options["sign_name"],
            "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": uuid.uuid4().hex,
            "SignatureVersion": "1.0",
            "TemplateCode": self.options["template_code"],
            "TemplateParam": json.dumps({"code": code}),
            "Timestamp": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Version": "2017-05-25",
        }

    def send_code(self, phone, code):
        params = self.params(phone, code)
        params["Signature"] = signature(params, self.options["access_key_secret"])
        url = f"{self.options['endpoint']}?{urlencode(params)}"
        try:
            with urlopen(url, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (the endpoint comes from settings)
                body = json.loads(response.read().decode())
        except (URLError, OSError, ValueError) as error:
            raise SMSError(f"Aliyun SMS unreachable: {error}") from error
        if body.get("Code") != "OK":
            raise SMSError(f"Aliyun SMS refused: {body.get('Code')} {body.get('Message')}")
