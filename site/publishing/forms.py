from django import forms
from django.utils.translation import gettext_lazy as _


class FlagKeysField(forms.MultipleChoiceField):
    """The flags ticked; which ones are open is known only for the object, checked on resolving."""

    def valid_value(self, value):
        return isinstance(value, str) and ":" in value


class ResolveFlagsForm(forms.Form):
    flags = FlagKeysField(
        label=_("Flags checked"), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick each flag you have checked.")},
    )
    note = forms.CharField(
        label=_("Reason they may stay"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("e.g. the company's public hotline; a public official named in his role. "
                    "If a flag is a private person's identifier, request changes instead."),
        error_messages={"required": _("Give the reason the ticked flags may be published.")},
    )
