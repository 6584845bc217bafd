from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.organisations.picker import UnitChoiceField


class JoinForm(forms.Form):
    name = forms.CharField(label=pgettext_lazy("person", "Your name"), max_length=40,
                           help_text=_("As it should appear on your certificate."))
    unit = UnitChoiceField()

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please enter your name."))
        return name
