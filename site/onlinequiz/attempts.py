"""A visitor's attempt at an online quiz; apart from the page so that views.py can use it
while the page's routes call views.py."""
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Attempt(models.Model):
    """One visitor's go at a quiz. The paper and the deadline are fixed by the server at the start."""

    class Status(models.TextChoices):
        OPEN = "open", _("in progress")
        SCORED = "scored", _("scored")
        LATE = "late", _("refused: too late")

    page = models.ForeignKey("onlinequiz.OnlineQuizPage", on_delete=models.CASCADE, related_name="attempts", verbose_name=_("quiz"))
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
