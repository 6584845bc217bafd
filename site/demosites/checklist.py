"""The bureau's checklist for education demonstration sites (宣教示范点), the units' applications with
their self-assessment, and the inspectors' visits scored on the same checklist."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from core.organisations.models import Unit
from core.taxonomy.models import Venue


class ChecklistItem(models.Model):
    text = models.CharField(_("requirement"), max_length=200)
    points = models.PositiveSmallIntegerField(pgettext_lazy("item value", "points"))
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.text}（{self.points}）"


class Outcome(models.TextChoices):
    PENDING = "pending", _("Waiting for inspection")
    PASSED = "passed", _("Passed")
    RECHECK = "recheck", _("Re-inspection after rectification")
    FAILED = "failed", _("Not passed")


class Application(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="+", verbose_name=_("venue"))
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False,
                                  related_name="+", verbose_name=_("applicant"))
    description = models.TextField(_("what the site offers"))
    self_score = models.PositiveIntegerField(_("self-assessment"), default=0, editable=False)
    outcome = models.CharField(_("outcome"), max_length=8, choices=Outcome.choices, default=Outcome.PENDING,
                               editable=False)
    model_unit_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("model unit page"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("The unit's page among the model units, where it has one."),
    )
    applied_at = models.DateTimeField(_("applied at"), auto_now_add=True)

    class Meta:
        verbose_name = _("demonstration site application")
        verbose_name_plural = _("demonstration site applications")
        ordering = ["-applied_at"]
        permissions = [("inspect_site", _("Can inspect demonstration sites"))]

    def __str__(self):
        return f"{self.unit.name} · {self.venue.name}"


class ApplicationPhoto(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="demosites/%Y/%m/")


class SelfAssessment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="self_assessment")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    points = models.PositiveSmallIntegerField(pgettext_lazy("item value", "points"))


class Inspection(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="inspections",
                                    verbose_name=_("application"))
    inspector = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("inspector"))
    visited_on = models.DateField(_("visited on"))
    total = models.PositiveIntegerField(_("score"))
    full_marks = models.PositiveIntegerField(_("full marks"))
    outcome = models.CharField(_("outcome"), max_length=8, choices=Outcome.choices)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = pgettext_lazy("acceptance", "inspections")
        ordering = ["-visited_on", "-pk"]


class InspectionScore(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    points = models.PositiveSmallIntegerField(pgettext_lazy("item value", "points"))
    photo = models.ImageField(_("photo"), upload_to="demosites/%Y/%m/", blank=True)
