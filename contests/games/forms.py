import secrets

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from core.accounts.models import User
from core.accounts.roles import HOSTS

from quizzes.models import Question
from quizzes.papers import PaperError, draw_paper
from core.taxonomy.models import CampaignArea, Venue

from .models import GameQuestion, PublicGame

MAX_QUESTIONS = 50
MIX_ROWS = 4


class PinForm(forms.Form):
    pin = forms.RegexField(
        label=_("Game PIN"), regex=r"^\d{6}$", max_length=6,
        error_messages={"invalid": _("A PIN has six digits.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]{6}"}),
    )


class MixRequirementForm(forms.Form):
    """One requirement of a paper mix (quizzes/papers.py): how many questions, of what kind."""

    count = forms.IntegerField(label=_("number of questions"), min_value=1, max_value=MAX_QUESTIONS, required=False)
    kind = forms.ChoiceField(label=_("type"), choices=[("", _("any type"))] + Question.Kind.choices, required=False)
    area = forms.ModelChoiceField(
        label=_("campaign area"), queryset=CampaignArea.objects.all(), to_field_name="code", required=False,
        empty_label=_("any area"),
    )
    venue = forms.ModelChoiceField(
        label=_("venue"), queryset=Venue.objects.all(), to_field_name="code", required=False, empty_label=_("any venue"),
    )
    difficulty = forms.TypedChoiceField(
        label=_("difficulty"), coerce=int, empty_value=None, required=False,
        choices=[("", _("any difficulty"))] + Question._meta.get_field("difficulty").choices,
    )

    def clean(self):
        data = super().clean()
        filters = [data.get(key) for key in ("kind", "area", "venue", "difficulty")]
        if not data.get("count") and any(filters):
            self.add_error("count", _("How many questions of this kind?"))
        return data

    def requirement(self):
        """The requirement as draw_paper takes it and the game stores it, or None for an empty row."""
        data = self.cleaned_data
        if not data.get("count"):
            return None
        requirement = {"count": data["count"]}
        for key in ("kind", "difficulty"):
            if data.get(key):
                requirement[key] = data[key]
        for key in ("area", "venue"):
            if data.get(key):
                requirement[key] = data[key].code
        return requirement


MixFormSet = forms.formset_factory(MixRequirementForm, extra=MIX_ROWS, max_num=MIX_ROWS, absolute_max=MIX_ROWS)


class QuestionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, question):
        stem = question.stem if len(question.stem) <= 60 else question.stem[:59] + "…"
        return f"{question.bank.name} · {question.get_kind_display()} · {stem}"


class GameForm(forms.ModelForm):
    """A new game: its settings, and its questions drawn from a bank by a mix or picked by hand."""

    class Source:
        MIX = "mix"
        PICK = "pick"

    source = forms.ChoiceField(
        label=_("how the questions are chosen"), widget=forms.RadioSelect, initial=Source.MIX,
        choices=[(Source.MIX, _("draw from the bank by a mix")), (Source.PICK, _("pick the questions by hand"))],
    )
    seed = forms.CharField(
        label=_("draw seed"), max_length=64, required=False,
        help_text=_("Leave empty for a new random draw; the same seed, mix and bank draw the same questions."),
    )
    questions = QuestionChoiceField(
        label=pgettext_lazy("public game", "questions picked by hand"), required=False,
        queryset=Question.objects.filter(active=True).select_related("bank").order_by("bank__name", "pk"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = PublicGame
        fields = [
            "title", "event_page", "bank", "scoring_mode", "speed_counts", "points", "streak_bonus", "wrong_penalty",
            "podium_size", "reading_seconds", "answer_seconds", "question_on_screen_only", "draw_pool", "draw_repeat",
            "organiser", "logo", "colour", "accent_colour",
        ]
        widgets = {"colour": forms.TextInput(attrs={"type": "color"}), "accent_colour": forms.TextInput(attrs={"type": "color"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mix_forms = MixFormSet(self.data or None, prefix="mix", initial=[{"count": 10}])
        self.drawn = []

    def settings_fields(self):
        return [self[name] for name in self.Meta.fields]

    def is_valid(self):
        mix_valid = self.mix_forms.is_valid()  # both, so every error shows at once
        return super().is_valid() and mix_valid

    def clean(self):
        data = super().clean()
        if data.get("answer_seconds") is not None and not 5 <= data["answer_seconds"] <= 120:
            self.add_error("answer_seconds", _("Answering lasts 5 to 120 seconds."))
        if data.get("speed_counts") is False and data.get("scoring_mode") == PublicGame.ScoringMode.SPEED:
            self.add_error(
                "scoring_mode", _("When speed does not count, choose fixed points (or let speed count).")
            )
        if data.get("source") == self.Source.PICK:
            self.clean_picked(data)
        elif data.get("source") == self.Source.MIX:
            self.clean_mix(data)
        return data

    def clean_picked(self, data):
        picked = list(data.get("questions") or [])
        if not picked:
            self.add_error("questions", _("Pick at least one question."))
        elif len(picked) > MAX_QUESTIONS:
            self.add_error("questions", _("A game has at most %(max)s questions.") % {"max": MAX_QUESTIONS})
        self.drawn = picked

    def clean_mix(self, data):
        bank = data.get("bank")
        if bank is None:
            self.add_error("bank", _("Choose the question bank to draw the questions from."))
            return
        if not self.mix_forms.is_valid():
            return
        mix = [requirement for form in self.mix_forms for requirement in [form.requirement()] if requirement]
        if not mix:
            self.add_error(None, _("Give at least one requirement of the mix: how many questions, of what kind."))
            return
        if sum(requirement["count"] for requirement in mix) > MAX_QUESTIONS:
            self.add_error(None, _("A game has at most %(max)s questions.") % {"max": MAX_QUESTIONS})
            return
        seed = data.get("seed") or secrets.token_hex(4)
        try:
            self.drawn = draw_paper(Question.objects.filter(bank=bank, active=True), mix, seed)
        except PaperError as error:
            self.add_error(None, str(error))
            return
        self.instance.mix, self.instance.draw_seed = mix, seed

    @transaction.atomic
    def save(self, commit=True):
        game = super().save(commit=commit)
        if commit:
            GameQuestion.objects.bulk_create(
                GameQuestion(game=game, question=question, order=order) for order, question in enumerate(self.drawn)
            )
        return game


class GameAdminForm(WagtailAdminModelForm):
    """A game in the admin: only a superuser names its owner; the owner (or a superuser) names
    the co-hosts, chosen among the Hosts group. Others edit neither."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "cohosts" in self.fields:
            self.fields["cohosts"].queryset = User.objects.filter(groups__name=HOSTS).order_by("username")
        if not (user and user.is_superuser):
            self.fields.pop("owner", None)
            if not (user and self.instance.owner_id == user.pk):
                self.fields.pop("cohosts", None)
