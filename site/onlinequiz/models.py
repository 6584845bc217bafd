"""The self-paced online quiz (网上答题): a page an editor places anywhere. A visitor starts an
attempt, the server draws the paper and fixes the deadline, and scores the submission itself."""
import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from quizzes.models import Question
from quizzes.papers import PaperError, draw_paper


class OnlineQuizPageForm(WagtailAdminPageForm):
    """Tells the editor at once when the chosen bank cannot satisfy the mix."""

    def clean(self):
        cleaned_data = super().clean()
        bank = cleaned_data.get("bank")
        formset = self.formsets["mix_rows"]
        if bank and formset.is_valid():
            mix = [
                MixRow(**{key: form.cleaned_data.get(key) for key in MixRow.REQUIREMENT_FIELDS}).requirement()
                for form in formset.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            try:
                draw_paper(bank.questions.filter(active=True), mix, seed=0)
            except PaperError as error:
                self.add_error("bank", str(error))
        return cleaned_data


class OnlineQuizPage(RoutablePageMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)
    bank = models.ForeignKey(
        "quizzes.QuestionBank", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("question bank")
    )
    time_limit = models.PositiveIntegerField(
        _("time limit (seconds)"), default=300, validators=[MinValueValidator(30), MaxValueValidator(7200)]
    )
    attempts_per_day = models.PositiveSmallIntegerField(
        _("attempts per visitor per day"), default=3, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    show_leaderboard = models.BooleanField(
        _("show a leaderboard"), default=True,
        help_text=_("Visitors who give their name and unit appear on it."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("bank"), InlinePanel("mix_rows", label=_("Questions to draw"), min_num=1)],
            heading=_("Paper"),
        ),
        FieldRowPanel([FieldPanel("time_limit"), FieldPanel("attempts_per_day")]),
        FieldPanel("show_leaderboard"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    subpage_types = []
    base_form_class = OnlineQuizPageForm

    class Meta:
        verbose_name = _("online quiz page")

    def mix(self):
        return [row.requirement() for row in self.mix_rows.all()]

    def question_count(self):
        return sum(row.count for row in self.mix_rows.all())

    def draw(self, seed):
        return draw_paper(Question.objects.filter(bank=self.bank, active=True), self.mix(), seed)

    # The routes; what they do is in views.py (imported late: views import these models).
    @path("")
    def index_route(self, request):
        from .views import quiz_index

        return quiz_index(self, request)

    @path("start/")
    def start_route(self, request):
        from .views import start_attempt

        return start_attempt(self, request)

    @path("attempt/<uuid:token>/")
    def attempt_route(self, request, token):
        from .views import take_attempt

        return take_attempt(self, request, token)

    @path("attempt/<uuid:token>/result/")
    def result_route(self, request, token):
        from .views import attempt_result

        return attempt_result(self, request, token)


class MixRow(Orderable):
    REQUIREMENT_FIELDS = ("count", "kind", "area", "venue", "difficulty")

    page = ParentalKey(OnlineQuizPage, on_delete=models.CASCADE, related_name="mix_rows")
    count = models.PositiveSmallIntegerField(_("number of questions"), default=10, validators=[MinValueValidator(1), MaxValueValidator(100)])
    kind = models.CharField(_("type"), max_length=10, choices=Question.Kind.choices, blank=True)
    area = models.ForeignKey(
        "taxonomy.CampaignArea", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("campaign area")
    )
    venue = models.ForeignKey(
        "taxonomy.Venue", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("venue")
    )
    difficulty = models.PositiveSmallIntegerField(
        _("difficulty"), null=True, blank=True, choices=[(1, _("easy")), (2, _("medium")), (3, _("hard"))]
    )

    panels = [FieldRowPanel([FieldPanel("count"), FieldPanel("kind"), FieldPanel("difficulty")]),
              FieldRowPanel([FieldPanel("area"), FieldPanel("venue")])]

    class Meta(Orderable.Meta):
        verbose_name = _("questions to draw")
        verbose_name_plural = _("questions to draw")

    def requirement(self):
        return {"count": self.count, "kind": self.kind or None, "area": self.area, "venue": self.venue,
                "difficulty": self.difficulty}


class Attempt(models.Model):
    """One visitor's go at a quiz. The paper and the deadline are fixed by the server at the start."""

    class Status(models.TextChoices):
        OPEN = "open", _("in progress")
        SCORED = "scored", _("scored")
        LATE = "late", _("refused: too late")

    page = models.ForeignKey(OnlineQuizPage, on_delete=models.CASCADE, related_name="attempts", verbose_name=_("quiz"))
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    visitor = models.UUIDField(_("visitor"), db_index=True)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=40, blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    question_ids = models.JSONField(_("questions"), default=list)
    started_at = models.DateTimeField(_("started at"))
    deadline = models.DateTimeField(_("deadline"))
    submitted_at = models.DateTimeField(_("handed in at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    answers = models.JSONField(_("answers"), default=dict)
    score = models.PositiveIntegerField(_("score"), default=0)
    max_score = models.PositiveIntegerField(_("full marks"), default=0)
    correct_count = models.PositiveSmallIntegerField(_("correct answers"), default=0)
    duration_ms = models.PositiveIntegerField(_("time taken (ms)"), null=True, blank=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        indexes = [models.Index(fields=["page", "status", "-score", "duration_ms"])]

    def __str__(self):
        return f"{self.page} · {self.name or self.visitor}"

    def url(self):
        return self.page.url + self.page.reverse_subpage("attempt_route", kwargs={"token": self.token})

    def result_url(self):
        return self.page.url + self.page.reverse_subpage("result_route", kwargs={"token": self.token})

    @property
    def seconds_taken(self):
        return round(self.duration_ms / 1000) if self.duration_ms is not None else None
