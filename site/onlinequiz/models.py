"""The self-paced online quiz (网上答题): a page an editor places anywhere. A visitor starts an
attempt, the server draws the paper and fixes the deadline, and scores the submission itself."""
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from quizzes.models import Question
from core.segmentation import SegmentedSearchMixin, segmented_search_fields
from quizzes.papers import PaperError, draw_paper

from .attempts import Attempt  # noqa: F401  (the app's models are those models.py imports)
from .views import attempt_result, quiz_index, start_attempt, take_attempt


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


class OnlineQuizPage(RoutablePageMixin, SegmentedSearchMixin, Page):
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
    search_fields = Page.search_fields + [index.SearchField("introduction"), *segmented_search_fields()]
    search_text_fields = ["introduction"]
    parent_page_types = ["base.HomePage", "campaigns.CampaignPage"]
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

    # The routes; what they do is in views.py.
    @path("")
    def index_route(self, request):
        return quiz_index(self, request)

    @path("start/")
    def start_route(self, request):
        return start_attempt(self, request)

    @path("attempt/<uuid:token>/")
    def attempt_route(self, request, token):
        return take_attempt(self, request, token)

    @path("attempt/<uuid:token>/result/")
    def result_route(self, request, token):
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
