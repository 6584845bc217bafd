"""Spam and abuse limits of the public forms, counted in the shared cache per client address and
per phone number.

- An address may send `CAPTCHA_AFTER` reports (or applications) an hour freely; after that every
  further one needs a CAPTCHA; past `PER_ADDRESS` an hour it is refused until the hour ends.
- A phone number may be left on `PER_PHONE` reports a day.

The address is the one allauth's login rate limits use (ALLAUTH_TRUSTED_PROXY_COUNT from
TRUSTED_PROXY_COUNT): behind the proxy, the X-Forwarded-For entry it appended, never one the
client wrote itself. Every client whose address cannot be told shares one counter.
"""
from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

HOUR = 3600
DAY = 24 * HOUR
CAPTCHA_AFTER = 2
PER_ADDRESS = 10
PER_PHONE = 3
UNKNOWN_ADDRESS = "unknown"


def client_address(request):
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return UNKNOWN_ADDRESS


def _count(key):
    return cache.get(key) or 0


def _add(key, seconds):
    if not cache.add(key, 1, seconds):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, seconds)


class FormLimits:
    """The limits of one public form (`name`: reports, applications)."""

    def __init__(self, name):
        self.name = name

    def _address_key(self, request):
        return f"reports:{self.name}:address:{client_address(request)}"

    def _phone_key(self, phone):
        return f"reports:{self.name}:phone:{phone}"

    def address_blocked(self, request):
        return _count(self._address_key(request)) >= PER_ADDRESS

    def needs_captcha(self, request):
        return _count(self._address_key(request)) >= CAPTCHA_AFTER

    def phone_blocked(self, phone):
        return bool(phone) and _count(self._phone_key(phone)) >= PER_PHONE

    def record(self, request, phone=""):
        _add(self._address_key(request), HOUR)
        if phone:
            _add(self._phone_key(phone), DAY)


REPORTS = FormLimits("reports")
APPLICATIONS = FormLimits("applications")
