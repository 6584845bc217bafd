"""The online knowledge contest (网上知识竞赛) a city runs for a month: participants sign in by
phone (or, by a page setting, play as cookie visitors), pick their town and unit from the registry,
play timed sets within daily and total limits, practise, keep a mistakes book, earn draws and a
certificate; towns and units are ranked by participation rate from materialised counters."""
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.segmentation import SegmentedSearchMixin, segmented_search_fields
from quizzes.models import Question
from quizzes.papers import PaperError, draw_paper

from . import views
from .records import (  # noqa: F401  (the app's models are those models.py imports)
    ArchivedQuizAttempt, Certificate, ContestAttempt, DrawLog, Mistake, Participant, UnitTally,
)


class OnlineContestPageForm(WagtailAdminPageForm):
    """With rows of “questions to draw”, the set is their sum; the editor is told at once when the
    bank cannot satisfy them."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets["mix_rows"]
        if not formset.is_valid():
            return cleaned_data
        rows = [
            MixRow(**{key: form.cleaned_data.get(key) for key in MixRow.REQUIREMENT_FIELDS})
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not rows:
            return cleaned_data
        cleaned_data["question_count"] = sum(row.count for row in rows)
        bank = cleaned_data.get("bank")
        if bank:
            try:
                draw_paper(bank.questions.filter(active=True), [row.requirement() for row in rows], seed=0)
            except PaperError as error:
                self.add_error("bank", str(error))
        return cleaned_data


class OnlineContestPage(RoutablePageMixin, SegmentedSearchMixin, Page):
    class Identity(models.TextChoices):
        PHONE = "phone", _("Phone number and SMS code")
        COOKIE = "cookie", _("Anonymous visitor (browser cookie)")

    introduction = models.TextField(_("introduction"), blank=True)
    bank = models.ForeignKey(
        "quizzes.QuestionBank", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("question bank")
    )
    question_count = models.PositiveSmallIntegerField(
        _("questions per set"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    time_limit = models.PositiveIntegerField(
        _("time per set (seconds)"), default=150, validators=[MinValueValidator(10), MaxValueValidator(7200)]
    )
    identity = models.CharField(
        _("participants are identified by"), max_length=10, choices=Identity.choices, default=Identity.PHONE,
        help_text=_(
            "Anonymous mode needs no sign-in, but a cookie is all that tells people apart: clearing it or "
            "using another browser gives new attempts, so limits, rankings and draws can be gamed. Use it "
            "only for low-stakes quizzes."
        ),
    )
    starts_at = models.DateTimeField(_("opens at"), null=True, blank=True)
    ends_at = models.DateTimeField(
        _("closes at"), null=True, blank=True, help_text=_("After this the page shows results only.")
    )
    attempts_per_day = models.PositiveSmallIntegerField(
        _("attempts per person per day"), default=3, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    attempts_total = models.PositiveIntegerField(
        _("attempts per person in all"), default=30, validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    practice_per_day = models.PositiveSmallIntegerField(
        _("practice sets per person per day"), default=10, validators=[MaxValueValidator(1000)],
        help_text=_("Practice does not count for rankings, draws or certificates. 0 turns practice off."),
    )
    max_tab_switches = models.PositiveSmallIntegerField(
        _("hand in after this many tab switches"), default=0,
        help_text=_("0: switches are only recorded and shown to staff."),
    )
    pass_percent = models.PositiveSmallIntegerField(
        _("pass mark for a certificate (%)"), default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    draw_min_correct = models.PositiveSmallIntegerField(
        _("correct answers that earn a draw"), default=4, validators=[MinValueValidator(1)],
        help_text=_("An attempt with at least this many correct answers earns one draw."),
    )
    draws_per_day = models.PositiveSmallIntegerField(_("draws per person per day"), default=1)
    no_prize_weight = models.PositiveIntegerField(
        _("weight of “no prize”"), default=50,
        help_text=_("Compared with each prize's weight: 50 against prizes weighing 50 in all is an even chance."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("bank"),
                FieldRowPanel([FieldPanel("question_count"), FieldPanel("time_limit")]),
                InlinePanel(
                    "mix_rows", label=_("Questions to draw"),
                    help_text=_("Optional: without rows, a set is any questions of the bank; with rows, it is "
                                "their mix and its size their sum."),
                ),
            ],
            heading=_("Sets"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("identity"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldRowPanel([FieldPanel("attempts_per_day"), FieldPanel("attempts_total"), FieldPanel("practice_per_day")]),
                FieldPanel("max_tab_switches"),
            ],
            heading=_("Who, when and how often"),
        ),
        FieldPanel("pass_percent"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("draw_min_correct"), FieldPanel("draws_per_day"), FieldPanel("no_prize_weight")]),
                InlinePanel("prizes", label=_("Prizes")),
            ],
            heading=_("Lucky draw"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), *segmented_search_fields()]
    search_text_fields = ["introduction"]
    parent_page_types = ["base.HomePage", "campaigns.CampaignPage"]
    subpage_types = []
    base_form_class = OnlineContestPageForm

    class Meta:
        verbose_name = _("online knowledge contest page")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The contest must close after it opens.")})
        if self.draw_min_correct > self.question_count:
            raise ValidationError({"draw_min_correct": _("A set has only %(count)d questions.") % {"count": self.question_count}})

    @property
    def mix(self):
        """The requirements of the page's “questions to draw”, or [] for any questions of the bank."""
        return [row.requirement() for row in self.mix_rows.all()]

    def route_url(self, name, **kwargs):
        return self.url + self.reverse_subpage(name, kwargs=kwargs or None)

    # The routes; what they do is in views.py and the modules it names. A set's own requests
    # (start, paper, hand-in, tab events) have plain Django URLs: onlinecontest/urls.py, play.py.
    @path("")
    def index_route(self, request):
        return views.contest_index(self, request)

    @path("join/")
    def join_route(self, request):
        return views.join(self, request)

    @path("attempt/<uuid:token>/result/")
    def result_route(self, request, token):
        return views.result(self, request, token)

    @path("attempt/<uuid:token>/draw/")
    def draw_route(self, request, token):
        return views.lucky_draw(self, request, token)

    @path("mistakes/")
    def mistakes_route(self, request):
        return views.mistakes_book(self, request)

    @path("rankings/")
    def rankings_route(self, request):
        return views.rankings_page(self, request)

    @path("certificate/")
    def certificate_route(self, request):
        return views.certificate_image(self, request)

    @path("certificate/pdf/")
    def certificate_pdf_route(self, request):
        return views.certificate_pdf(self, request)

    @path("verify/<str:serial>/")
    def verify_route(self, request, serial):
        return views.verify_certificate(self, request, serial)


class Prize(Orderable):
    page = ParentalKey(OnlineContestPage, on_delete=models.CASCADE, related_name="prizes")
    name = models.CharField(_("prize"), max_length=60)
    quantity = models.PositiveIntegerField(_("how many"), default=10)
    weight = models.PositiveIntegerField(_("weight"), default=10)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("quantity"), FieldPanel("weight")])]

    class Meta(Orderable.Meta):
        verbose_name = _("prize")
        verbose_name_plural = _("prizes")

    def __str__(self):
        return self.name


class MixRow(Orderable):
    """One requirement of a set (组卷): how many questions of which type, area, venue, difficulty."""

    REQUIREMENT_FIELDS = ("count", "kind", "area", "venue", "difficulty")

    page = ParentalKey(OnlineContestPage, on_delete=models.CASCADE, related_name="mix_rows")
    count = models.PositiveSmallIntegerField(
        _("number of questions"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    kind = models.CharField(_("type"), max_length=10, choices=Question.Kind.choices, blank=True)
    area = models.ForeignKey(
        "taxonomy.CampaignArea", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("campaign area"),
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
        """Plain data (terms by code), so a process may keep it (play_cache)."""
        return {"count": self.count, "kind": self.kind or None, "area": self.area.code if self.area else None,
                "venue": self.venue.code if self.venue else None, "difficulty": self.difficulty}
