from django import forms
from django.utils.translation import gettext_lazy as _

from contests.live.address_limits import TooManyAttempts

from .code_guard import CODE_GUARD, find_team

UNKNOWN_CODE = _("No team has this access code. Check the code on your card.")


def too_many_attempts():
    return _("Too many wrong access codes from this network. Please wait %(minutes)s minutes and try again, or scan "
             "the QR code on your team's card.") % {"minutes": CODE_GUARD.window_minutes}


class AccessCodeForm(forms.Form):
    """A team's access code, looked up for the client `address` (a failed lookup counts as a guess;
    a malformed code does not)."""

    code = forms.CharField(label=_("Team access code"), max_length=6, min_length=6,
                           widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}))

    def __init__(self, *args, address, **kwargs):
        super().__init__(*args, **kwargs)
        self.address = address
        self.team = None

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        if not (code.isascii() and code.isalnum()):
            raise forms.ValidationError(UNKNOWN_CODE)
        try:
            self.team = find_team(code, self.address)
        except TooManyAttempts:
            raise forms.ValidationError(too_many_attempts(), code="too_many_attempts") from None
        if self.team is None:
            raise forms.ValidationError(UNKNOWN_CODE)
        return code
