"""Question banks and questions (单选 single, 多选 multiple, 判断 true/false) with their options."""
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _, pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Orderable, PreviewableMixin
from wagtail.search import index

from .kinds import MAX_OPTION_LENGTH, OPTION_LABELS, Kind
from .validation import question_problems


class QuestionBank(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")

    def __str__(self):
        return self.name


class QuestionForm(WagtailAdminModelForm):
    """Checks the question together with its inline options before the model's own clean() runs."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets["options"]
        if formset.is_valid():
            self.instance.submitted_options = [
                (form.cleaned_data.get("text", ""), form.cleaned_data.get("is_correct", False))
                for form in sorted(formset.forms, key=lambda form: form.cleaned_data.get("ORDER") or 0)
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
        return cleaned_data


class Question(index.Indexed, PreviewableMixin, ClusterableModel):
    Kind = Kind  # defined in kinds.py for validation.py; Question.Kind everywhere else

    bank = models.ForeignKey(QuestionBank, on_delete=models.CASCADE, related_name="questions", verbose_name=_("bank"))
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    stem = models.TextField(_("stem"))
    explanation = models.TextField(_("explanation"), blank=True)
    difficulty = models.PositiveSmallIntegerField(
        _("difficulty"), choices=[(1, _("easy")), (2, _("medium")), (3, _("hard"))], default=1
    )
    venue = models.ForeignKey(
        "taxonomy.Venue", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("venue")
    )
    area = models.ForeignKey(
        "taxonomy.CampaignArea", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("campaign area"),
    )
    source = models.CharField(_("source or legal basis"), max_length=255, blank=True)
    points = models.PositiveSmallIntegerField(_("default points"), default=10)
    active = models.BooleanField(_("active"), default=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("image")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    search_fields = [index.SearchField("stem"), index.SearchField("explanation"), index.FilterField("bank_id")]

    class Meta:
        ordering = ["bank", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    base_form_class = QuestionForm

    def __str__(self):
        return self.stem[:60]

    def clean(self):
        super().clean()
        # The admin form hands over its inline options before they reach the cluster.
        options = getattr(self, "submitted_options", None)
        if options is None:
            options = [(option.text, option.is_correct) for option in self.options.all()]
        errors = {}
        for field, message in question_problems(self.kind, self.stem, options):
            errors.setdefault("stem" if field == "stem" else NON_FIELD_ERRORS, []).append(message)
        if errors:
            raise ValidationError(errors)

    preview_modes = [("screen", _("Big screen")), ("phone", pgettext_lazy("preview device", "Phone"))]

    def get_preview_template(self, request, mode_name):
        return f"quizzes/preview/question_{mode_name}.html"

    def labelled_options(self):
        """(label, option) pairs: an option's label (A-H) is its position in the question."""
        return list(zip(OPTION_LABELS, self.options.all()))

    def correct_labels(self):
        """The labels of the correct options in order, e.g. "ACD"."""
        return "".join(label for label, option in self.labelled_options() if option.is_correct)

    def public_payload(self):
        """What players may see before the reveal: never which option is correct."""
        return {
            "id": self.pk,
            "kind": self.kind,
            "stem": self.stem,
            "options": [{"label": label, "text": option.text} for label, option in self.labelled_options()],
        }

    def reveal_payload(self):
        """Added at the reveal: the correct labels and the explanation."""
        return {"id": self.pk, "correct": self.correct_labels(), "explanation": self.explanation}


class Option(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("text"), max_length=MAX_OPTION_LENGTH)
    is_correct = models.BooleanField(_("correct"), default=False)

    class Meta(Orderable.Meta):
        # pk breaks ties: options created without a sort order keep their creation order.
        ordering = ["sort_order", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return self.text
