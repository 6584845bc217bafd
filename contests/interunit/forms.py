from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Team


class AccessCodeForm(forms.Form):
    code = forms.CharField(label=_("Team access code"), max_length=6, min_length=6,
                           widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}))

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        if not Team.objects.filter(access_code=code).exists():
            raise forms.ValidationError(_("No team has this access code. Check the code on your card."))
        return code
