"""What the contest keeps about people: participants, their attempts, their mistakes, the unit
counters the rankings read, certificates and draws. Apart from the page so views can use them."""
import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Participant(models.Model):
    """One person in one contest: a phone account, or a cookie visitor when the page allows it."""

    page = models.ForeignKey("onlinecontest.OnlineContestPage", on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    visitor = models.UUIDField(null=True, blank=True)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=40)
    unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    town = models.ForeignKey("organisations.Town", on_delete=models.PROTECT, related_name="+", verbose_name=_("town or street"))
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)
    # Kept up to date at each scored attempt, so rankings never scan attempts.
    best_score = models.PositiveIntegerField(_("best score"), null=True, blank=True)
    best_duration_ms = models.PositiveIntegerField(null=True, blank=True)
    scored_attempts = models.PositiveIntegerField(_("scored attempts"), default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["page", "user"], name="one_participant_per_user"),
            models.UniqueConstraint(fields=["page", "visitor"], name="one_participant_per_visitor"),
        ]
        indexes = [models.Index(fields=["page", "-best_score", "best_duration_ms"])]

    def __str__(self):
        return f"{self.name}（{self.unit.name}）"

    @property
    def phone(self):
        return self.user.phone if self.user_id else ""


class ContestAttempt(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("in progress")
        SCORED = "scored", _("scored")
        LATE = "late", _("refused: too late")

    page = models.ForeignKey("onlinecontest.OnlineContestPage", on_delete=models.CASCADE, related_name="attempts")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="attempts")
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    practice = models.BooleanField(_("practice"), default=False)
    # The paper as drawn: question ids in order, and each question's options in shown order.
    question_ids = models.JSONField(default=list)
    option_orders = models.JSONField(default=dict)
    started_at = models.DateTimeField(_("started at"), db_index=True)
    deadline = models.DateTimeField(_("deadline"))
    submitted_at = models.DateTimeField(_("handed in at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    answers = models.JSONField(default=dict)
    score = models.PositiveIntegerField(_("score"), default=0)
    max_score = models.PositiveIntegerField(_("full marks"), default=0)
    correct_count = models.PositiveSmallIntegerField(_("correct answers"), default=0)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    tab_switches = models.PositiveIntegerField(_("tab switches"), default=0)
    page_hides = models.PositiveIntegerField(_("page hidden"), default=0)
    draw_earned = models.BooleanField(_("earned a draw"), default=False)

    class Meta:
        verbose_name = _("contest attempt")
        verbose_name_plural = _("contest attempts")
        indexes = [models.Index(fields=["participant", "practice", "started_at"])]

    def __str__(self):
        return f"{self.participant} · {self.started_at:%Y-%m-%d %H:%M}"

    def url(self):
        return reverse("onlinecontest:attempt", kwargs={"token": self.token})

    def result_url(self):
        return self.page.url + self.page.reverse_subpage("result_route", kwargs={"token": self.token})

    def events_url(self):
        return reverse("onlinecontest:events", kwargs={"token": self.token})


class Mistake(models.Model):
    """A question a participant answered wrong (错题本), with how often."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="mistakes")
    question = models.ForeignKey("quizzes.Question", on_delete=models.CASCADE, related_name="+")
    times = models.PositiveIntegerField(default=1)
    last_answer = models.CharField(max_length=8, blank=True)
    last_wrong_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "question"], name="one_mistake_row_per_question")]


class UnitTally(models.Model):
    """Materialised counters of one unit in one contest: how many of its people have a scored
    attempt and the sum of their best scores. Updated at each submission; read by the rankings."""

    page = models.ForeignKey("onlinecontest.OnlineContestPage", on_delete=models.CASCADE, related_name="tallies")
    unit = models.ForeignKey("organisations.Unit", on_delete=models.CASCADE, related_name="+")
    town = models.ForeignKey("organisations.Town", on_delete=models.CASCADE, related_name="+")
    participants = models.PositiveIntegerField(default=0)
    best_score_sum = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "unit"], name="one_tally_per_unit")]


class Certificate(models.Model):
    page = models.ForeignKey("onlinecontest.OnlineContestPage", on_delete=models.CASCADE, related_name="certificates")
    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="certificate")
    serial = models.CharField(_("serial number"), max_length=24, unique=True)
    score = models.PositiveIntegerField(_("score"))
    max_score = models.PositiveIntegerField(_("full marks"))
    issued_at = models.DateTimeField(_("issued at"))

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")


class DrawLog(models.Model):
    """One lucky draw: who, for which attempt, what was won (a one-time code) and its redemption."""

    page = models.ForeignKey("onlinecontest.OnlineContestPage", on_delete=models.CASCADE, related_name="draws")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="draws", verbose_name=_("participant"))
    attempt = models.OneToOneField(ContestAttempt, on_delete=models.CASCADE, related_name="draw")
    prize = models.ForeignKey("onlinecontest.Prize", null=True, blank=True, on_delete=models.PROTECT, related_name="draws", verbose_name=_("prize"))
    code = models.CharField(_("redemption code"), max_length=12, unique=True, null=True, blank=True)
    drawn_at = models.DateTimeField(_("drawn at"), db_index=True)
    redeemed_at = models.DateTimeField(_("redeemed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("draw")
        verbose_name_plural = _("draw log")


class ArchivedQuizAttempt(models.Model):
    """An attempt at the retired cookie quiz (onlinequiz), kept for staff to look at and export. Its
    free-text name and unit match no registry unit, so it did not become a Participant's attempt."""

    class Status(models.TextChoices):
        OPEN = "open", _("in progress")
        SCORED = "scored", _("scored")
        LATE = "late", _("refused: too late")

    page = models.ForeignKey("onlinecontest.OnlineContestPage", on_delete=models.CASCADE, related_name="archived_attempts",
                             verbose_name=_("contest"))
    name = models.CharField(pgettext_lazy("person", "name"), max_length=40, blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    score = models.PositiveIntegerField(_("score"), default=0)
    max_score = models.PositiveIntegerField(_("full marks"), default=0)
    correct_count = models.PositiveSmallIntegerField(_("correct answers"), default=0)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    started_at = models.DateTimeField(_("started at"))
    submitted_at = models.DateTimeField(_("handed in at"), null=True, blank=True)

    class Meta:
        verbose_name = _("archived quiz attempt")
        verbose_name_plural = _("archived quiz attempts")

    def __str__(self):
        return f"{self.page} · {self.name or '—'}"

    @property
    def seconds_taken(self):
        return round(self.duration_ms / 1000) if self.duration_ms is not None else None
