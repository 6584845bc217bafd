from allauth.account.forms import RequestLoginCodeForm
from django import forms
from django.utils.translation import gettext_lazy as _

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
        phone = super().clean_phone()  # rate limits per number and per address
        if self._user is None:
            self._user = phones.participant_for(phone)
        return phone
