from allauth.account.adapter import get_adapter
from allauth.account.forms import RequestLoginCodeForm
from allauth.core import context
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import address_limits
from . import phone as phones
from . import sms


class PhoneCodeRequestForm(RequestLoginCodeForm):
    """allauth's "send me a code" form, by phone only (no e-mail codes: staff sign in with their
    password). A new number gets a participant account, so the code can be sent to it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("email", None)
        self.fields["phone"].required = True
        self.fields["phone"].label = _("Mobile phone number")
        self.fields["phone"].help_text = _("We send a sign-in code to this number by text message.")

    def clean_phone(self):
        if not sms.configured():
            raise forms.ValidationError(_("Sign-in by text message is not available on this site."))
        if not address_limits.consume(context.request, "request_login_code", settings.SMS_CODE_RATE_LIMITS_PER_ADDRESS):
            raise get_adapter().validation_error("too_many_login_attempts")
        phone = super().clean_phone()  # allauth's rate limits per number
        if self._user is None:
            self._user = phones.participant_for(phone)
        return phone
