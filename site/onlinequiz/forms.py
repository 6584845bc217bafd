from django import forms
from django.utils.translation import gettext_lazy as _


class StartForm(forms.Form):
    name = forms.CharField(label=_("Your name (optional, shown on the leaderboard)"), max_length=40, required=False)
    unit = forms.CharField(label=_("Your unit (optional)"), max_length=60, required=False)
