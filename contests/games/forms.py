from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PublicGame


class PinForm(forms.Form):
    pin = forms.RegexField(
        label=_("Game PIN"), regex=r"^\d{6}$", max_length=6,
        error_messages={"invalid": _("A PIN has six digits.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]{6}"}),
    )


class GameForm(forms.ModelForm):
    question_count = forms.IntegerField(label=_("number of questions"), min_value=1, max_value=50, initial=10)

    class Meta:
        model = PublicGame
        fields = [
            "title", "event_page", "bank", "scoring_mode", "points", "streak_bonus", "wrong_penalty",
            "podium_size", "reading_seconds", "answer_seconds", "question_on_screen_only",
        ]

    def clean(self):
        data = super().clean()
        bank = data.get("bank")
        if bank is None:
            self.add_error("bank", _("Choose the question bank to draw the questions from."))
        elif data.get("question_count") and not bank.questions.filter(active=True).exists():
            self.add_error("bank", _("This bank has no active questions."))
        if data.get("answer_seconds") is not None and not 5 <= data["answer_seconds"] <= 120:
            self.add_error("answer_seconds", _("Answering lasts 5 to 120 seconds."))
        return data
