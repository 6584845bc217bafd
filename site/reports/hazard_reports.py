"""Hazard reports from the public (随手拍): the report, its photos, its recorded steps, the towns'
handlers and the due dates by category.

Every change of a report is a `ReportEvent` (who, when, the status it left the report in, a note,
attachments), written by `lifecycle.py` in the same transaction as the change: the audit pattern of
the contests' score events.
"""
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, pgettext_lazy

DEFAULT_DUE_DAYS = 15


def new_secret():
    return secrets.token_urlsafe(24)


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    VERIFYING = "verifying", _("Verifying")
    ROUTED = "routed", _("Routed to the town")
    RECTIFYING = "rectifying", _("Being rectified")
    RECTIFIED = "rectified", _("Rectified")
    REJECTED = "rejected", _("Not accepted")


CLOSED = (Status.RECTIFIED, Status.REJECTED)


class TownHandler(models.Model):
    """A staff account that handles the reports of one town (隐患举报处理人)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_towns", verbose_name=_("user")
    )
    town = models.ForeignKey(
        "organisations.Town", on_delete=models.CASCADE, related_name="report_handlers", verbose_name=_("town or street")
    )

    class Meta:
        verbose_name = _("town handler")
        verbose_name_plural = _("town handlers")
        constraints = [models.UniqueConstraint(fields=["user", "town"], name="unique_handler_town")]

    def __str__(self):
        return f"{self.user} · {self.town}"


class DueDays(models.Model):
    """How many days the handling of a report of one category may take."""

    area = models.OneToOneField(
        "taxonomy.CampaignArea", on_delete=models.CASCADE, related_name="report_due_days", verbose_name=_("category")
    )
    days = models.PositiveSmallIntegerField(_("days to handle"), default=DEFAULT_DUE_DAYS)

    class Meta:
        verbose_name = _("due date by category")
        verbose_name_plural = _("due dates by category")

    def __str__(self):
        return f"{self.area} · {self.days}"

    @staticmethod
    def for_area(area):
        due = DueDays.objects.filter(area=area).first()
        return due.days if due else DEFAULT_DUE_DAYS


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=CLOSED)

    def overdue(self, day=None):
        return self.open().filter(due_on__lt=day or timezone.localdate())


class Report(models.Model):
    """A hazard someone reported; followed by its tracking number and secret link."""

    number = models.CharField(_("tracking number"), max_length=20, unique=True, editable=False)
    secret = models.CharField(max_length=40, unique=True, default=new_secret, editable=False)
    area = models.ForeignKey(
        "taxonomy.CampaignArea", on_delete=models.PROTECT, related_name="hazard_reports", verbose_name=_("category")
    )
    town = models.ForeignKey(
        "organisations.Town", on_delete=models.PROTECT, related_name="hazard_reports", verbose_name=_("town or street")
    )
    place = models.CharField(_("place"), max_length=200)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    description = models.TextField(pgettext_lazy("hazard", "description"), max_length=2000)
    phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    anonymous = models.BooleanField(_("anonymous"), default=False)
    supervisor = models.ForeignKey(
        "reports.Supervisor", on_delete=models.SET_NULL, null=True, blank=True, related_name="reports",
        verbose_name=_("social supervisor"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED)
    reason = models.CharField(_("reason not accepted"), max_length=300, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("handler"),
    )
    due_on = models.DateField(_("due on"))
    hazard = models.OneToOneField(
        "hazards.ListedHazard", on_delete=models.SET_NULL, null=True, blank=True, related_name="report",
        verbose_name=_("supervised hazard"),
    )
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    reward = models.DecimalField(_("reward (yuan)"), max_digits=8, decimal_places=2, null=True, blank=True)
    rewarded_on = models.DateField(_("rewarded on"), null=True, blank=True)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("hazard report")
        verbose_name_plural = _("hazard reports")
        # A supervisor's reports are handled first; then the newest.
        ordering = [models.Case(models.When(supervisor__isnull=False, then=0), default=1), "-created_at"]
        permissions = [("handle_all_towns", "Can handle the reports of every town")]

    def __str__(self):
        return self.number

    @property
    def overdue(self):
        return self.status not in CLOSED and self.due_on < timezone.localdate()

    @property
    def masked_phone(self):
        return mask_phone(self.phone)

    def save(self, *args, **kwargs):
        if not self.number:
            self.number = next_number(self.created_at.year)
        super().save(*args, **kwargs)


def mask_phone(phone):
    if not phone:
        return ""
    return phone[:3] + "*" * max(len(phone) - 7, 0) + phone[-4:] if len(phone) > 7 else "*" * len(phone)


def next_number(year):
    """SP-<year>-<six digits>, one more than the year's last."""
    prefix = f"SP-{year}-"
    last = Report.objects.filter(number__startswith=prefix).order_by("-number").values_list("number", flat=True).first()
    return f"{prefix}{int(last[len(prefix):]) + 1 if last else 1:06d}"


class ReportEvent(models.Model):
    """One recorded step of a report: who did it, when, the status it left, a note."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        VERIFYING = "verifying", _("Verification started")
        ROUTED = "routed", _("Routed")
        ASSIGNED = "assigned", _("Handler assigned")
        RECTIFYING = "rectifying", _("Rectification started")
        ESCALATED = "escalated", _("Escalated to a supervised hazard")
        RECTIFIED = "rectified", _("Closed as rectified")
        REJECTED = "rejected", _("Not accepted")
        MERGED = "merged", _("Merged into another report")
        REWARDED = "rewarded", _("Rewarded")
        NOTE = "note", _("Note")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("step"), max_length=12, choices=Kind.choices)
    status = models.CharField(_("status after"), max_length=12, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("report event")
        verbose_name_plural = _("report events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.report} · {self.get_kind_display()}"


class ReportPhoto(models.Model):
    """A photo of the hazard (from the reporter) or attached to a step (rectification proof)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    event = models.ForeignKey(ReportEvent, on_delete=models.CASCADE, null=True, blank=True, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="reports/%Y/%m/")
    thumbnail = models.ImageField(upload_to="reports/%Y/%m/thumbs/")

    class Meta:
        ordering = ["pk"]
