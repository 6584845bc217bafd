"""Inter-unit contests: contest, teams, rounds, the questions of each round, and what happened
(answers, buzzes, judges' sheets, score events). A team's score is always the contest's starting
score plus the sum of its score events; nothing stores a running total."""
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from contests.rules.phases import Phase, RoundKind, Verdict
from core import access_codes
from core.ranking import ranking as ranking_with_shared_places
from core.segmentation import SegmentedSearchMixin, segmented_search_fields

from .admin_forms import ContestAdminForm



def new_access_code():
    return access_codes.new_code(6)


ASSIGN_STAFF = "contests.assign_contest_staff"
HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour like #c0392b."))


class ContestQuerySet(models.QuerySet):
    def for_staff(self, user):
        """The contests `user` may see in the admin: those he hosts if he may edit contests (a
        Host), else those he judges; superusers every contest."""
        if user.is_superuser:
            return self
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("contests.change_contest"):
            return self.filter(hosts=user)
        return self.filter(judges=user)


class Contest(ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        RUNNING = "running", _("running")
        FINISHED = "finished", _("finished")

    title = models.CharField(_("title"), max_length=200)
    event_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("event page"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    rehearsal = models.BooleanField(
        _("rehearsal"), default=False, help_text=_("A rehearsal's data can be cleared to start for real.")
    )
    start_score = models.IntegerField(_("starting score"), default=100)
    hosts = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="hosted_contests",
                                   verbose_name=_("hosts"), help_text=_("Members of the Hosts group who run it."))
    judges = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="judged_contests",
                                    verbose_name=_("judges"))
    state = models.JSONField(_("live state"), default=dict, blank=True, editable=False)
    # How the big screen looks and sounds.
    organiser = models.CharField(_("organiser"), max_length=100, blank=True,
                                 help_text=_("Shown on the big screen beside the logo, e.g. 市应急管理局."))
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name=_("logo"))
    screen_background = models.CharField(_("screen background colour"), max_length=7, default="#10142a",
                                         validators=[HEX_COLOUR])
    screen_accent = models.CharField(_("screen accent colour"), max_length=7, default="#ffd54f",
                                     validators=[HEX_COLOUR], help_text=_("Titles, countdown and highlights."))
    sound = models.BooleanField(_("sound on the big screen"), default=True,
                                help_text=_("The host console switches it on and off during the contest."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        FieldPanel("title"), FieldPanel("event_page"), FieldPanel("start_score"), FieldPanel("rehearsal"),
        # Only an administrator assigns the staff (a Host's form has neither field).
        MultiFieldPanel([FieldPanel("organiser"), FieldPanel("logo"), FieldPanel("screen_background"),
                         FieldPanel("screen_accent"), FieldPanel("sound")], heading=_("Big screen")),
        FieldPanel("hosts", permission=ASSIGN_STAFF), FieldPanel("judges", permission=ASSIGN_STAFF),
        InlinePanel("teams", heading=_("Teams"), label=_("team")),
        InlinePanel("rounds", heading=_("Rounds"), label=_("round")),
    ]
    base_form_class = ContestAdminForm  # the set-up is locked once the contest has started

    objects = ContestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        permissions = [("assign_contest_staff", _("Can assign a contest's hosts and judges"))]

    def __str__(self):
        return self.title

    @property
    def game_key(self):
        return f"contest-{self.pk}"

    @property
    def phase(self):
        return Phase(self.state.get("phase", Phase.LOBBY))

    def scores(self):
        """{team id: starting score + sum of the team's score events}."""
        totals = dict(self.events.values("team").annotate(total=Sum("delta")).values_list("team", "total"))
        return {team.pk: self.start_score + (totals.get(team.pk) or 0) for team in self.teams.all()}


class Team(models.Model):
    contest = ParentalKey(Contest, on_delete=models.CASCADE, related_name="teams", verbose_name=_("contest"))
    name = models.CharField(_("team name"), max_length=60)
    unit = models.CharField(_("unit"), max_length=100, blank=True)
    venue = models.ForeignKey("taxonomy.Venue", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("venue"))
    unit_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("model-unit page"),
    )
    colour = models.CharField(_("colour"), max_length=7, default="#c0392b",
                              validators=[HEX_COLOUR])
    members = models.TextField(_("members"), blank=True, help_text=_("One name per line."))
    access_code = models.CharField(_("access code"), max_length=6, unique=True, default=new_access_code)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("unit"), FieldPanel("venue"), FieldPanel("unit_page"),
              FieldPanel("colour"), FieldPanel("members"), FieldPanel("order")]

    class Meta:
        ordering = ["contest", "order", "pk"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name


class Round(models.Model):
    class EarlyBuzz(models.TextChoices):
        PENALTY = "penalty", _("penalty, and the team sits the question out")
        VOID = "void", _("ignored")

    class Aggregate(models.TextChoices):
        SUM = "sum", _("sum of the judges")
        MEAN = "mean", _("average of the judges")
        TRIMMED = "trimmed_mean", _("average without the highest and lowest judge")

    contest = ParentalKey(Contest, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("contest"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=[
        (RoundKind.COMPULSORY, _("compulsory")), (RoundKind.BUZZER, _("buzzer")), (RoundKind.RISK, _("risk")),
        (RoundKind.TIEBREAK, _("tie-break")), (RoundKind.JUDGED, _("judged performance")),
    ])
    title = models.CharField(_("title"), max_length=100)
    bank = models.ForeignKey("quizzes.QuestionBank", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("question bank"))
    mix = models.JSONField(_("paper mix"), default=list, blank=True, help_text=_(
        'Requirements for drawing per team (compulsory, risk) or per round, e.g. [{"count": 2, "kind": "single"}].'))
    points = models.PositiveSmallIntegerField(_("points"), default=10)
    wrong_penalty = models.PositiveSmallIntegerField(_("wrong-answer penalty"), default=0)
    timeout_penalty = models.PositiveSmallIntegerField(_("timeout penalty"), default=0)
    reading_seconds = models.PositiveSmallIntegerField(_("reading pause (s)"), default=5)
    answer_seconds = models.PositiveSmallIntegerField(_("time to answer (s)"), default=20)
    buzz_seconds = models.PositiveSmallIntegerField(_("time to buzz (s)"), default=10)
    risk_values = models.JSONField(_("risk values"), default=list, blank=True)
    risk_in_score_order = models.BooleanField(_("risk turns in score order"), default=False)
    early_buzz = models.CharField(_("buzz before opening"), max_length=8, choices=EarlyBuzz.choices,
                                  default=EarlyBuzz.PENALTY)
    early_buzz_penalty = models.PositiveSmallIntegerField(_("early buzz penalty"), default=5)
    hand_to_audience = models.BooleanField(
        _("hand unanswered questions to the audience"), default=False,
        help_text=_("Buzzer and tie-break rounds: when no team buzzes in time, the audience in the hall may answer; "
                    "no team scores, the host reveals the answer afterwards."))
    criteria = models.JSONField(_("judging criteria"), default=list, blank=True,
                                help_text=_('For judged rounds, e.g. [{"name": "内容", "max": 40}].'))
    aggregate = models.CharField(_("judges' scores combined by"), max_length=12, choices=Aggregate.choices,
                                 default=Aggregate.MEAN)

    panels = [
        FieldPanel("order"), FieldPanel("kind"), FieldPanel("title"), FieldPanel("bank"), FieldPanel("mix"),
        MultiFieldPanel([FieldPanel("points"), FieldPanel("wrong_penalty"), FieldPanel("timeout_penalty"),
                         FieldPanel("reading_seconds"), FieldPanel("answer_seconds"), FieldPanel("buzz_seconds")],
                        heading=_("Points and time")),
        MultiFieldPanel([FieldPanel("risk_values"), FieldPanel("risk_in_score_order"), FieldPanel("early_buzz"),
                         FieldPanel("early_buzz_penalty"), FieldPanel("hand_to_audience"), FieldPanel("criteria"), FieldPanel("aggregate")],
                        heading=_("Round rules")),
    ]

    class Meta:
        ordering = ["contest", "order", "pk"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")

    def __str__(self):
        return self.title


class RoundQuestion(models.Model):
    """A question of a round (owned by one team in compulsory and risk rounds), or in a judged
    round one team's performance (no question)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="slots", verbose_name=_("round"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("team"))
    question = models.ForeignKey("quizzes.Question", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("question"))

    class Meta:
        ordering = ["round", "order", "pk"]
        verbose_name = _("round question")
        verbose_name_plural = _("round questions")

    def __str__(self):
        return f"{self.round} #{self.order + 1}"


class Answer(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="answers")
    slot = models.ForeignKey(RoundQuestion, on_delete=models.CASCADE, related_name="answers")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="answers")
    choice = models.CharField(max_length=8, blank=True)  # empty: an oral answer the host marked
    verdict = models.CharField(max_length=8, choices=[(v.value, v.value) for v in Verdict])
    delta = models.IntegerField()
    risk_value = models.PositiveSmallIntegerField(null=True, blank=True)
    voided = models.BooleanField(default=False)  # undone by the host; kept for the audit trail
    judged_by = models.CharField(max_length=150)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["slot", "team"], condition=Q(voided=False),
                                               name="one_standing_answer_per_team_and_question")]


class Buzz(models.Model):
    slot = models.OneToOneField(RoundQuestion, on_delete=models.CASCADE, related_name="buzz")  # first one wins
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)


class JudgeScore(models.Model):
    slot = models.ForeignKey(RoundQuestion, on_delete=models.CASCADE, related_name="judge_scores")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    sheet = models.JSONField()
    total = models.IntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["slot", "judge"], name="one_sheet_per_judge_and_performance")]


class ScoreEvent(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="events")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="events")
    delta = models.IntegerField()
    reason = models.CharField(max_length=220)
    slot = models.ForeignKey(RoundQuestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    actor = models.CharField(max_length=150)  # who caused it: a user name or "team <name>"
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


def ranking(contest):
    """[(rank, team, score)] best first; equal scores share a rank (1, 1, 3)."""
    scores = contest.scores()
    ranked = ranking_with_shared_places(
        contest.teams.all(), key=lambda team: -scores[team.pk], order=lambda team: (team.order, team.pk)
    )
    return [(place, team, scores[team.pk]) for place, team in ranked]


class ContestResultsPage(SegmentedSearchMixin, Page):
    """The final ranking of a contest, published to the CMS (under the event page by default)."""

    contest = models.OneToOneField(Contest, on_delete=models.PROTECT, related_name="results_page",
                                   verbose_name=_("contest"))
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("contest"), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro"), *segmented_search_fields()]
    search_text_fields = ["intro", "ranked_teams"]
    parent_page_types = ["events.EventPage", "base.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contest results page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ranking"] = ranking(self.contest)
        return context

    def ranked_teams(self):
        """The teams and their units as the page lists them, for the search index."""
        return " ".join(f"{team.name} {team.unit}" for _place, team, _score in ranking(self.contest))
