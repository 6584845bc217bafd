"""What the public and the judges send to a call: entries with their files, judges' sheets, votes."""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from core.organisations.models import Unit


class Category(models.TextChoices):
    POSTER = "poster", _("Poster")
    SHORT_VIDEO = "short_video", _("Short video")
    MICRO_FILM = "micro_film", _("Micro-film")
    ESSAY = "essay", _("Essay")
    PHOTOGRAPHY = "photography", _("Photography")
    PERFORMANCE = "performance", _("Performance")



class Entry(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    call = models.ForeignKey("works.WorksCallPage", on_delete=models.CASCADE, related_name="entries", verbose_name=_("call"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False, related_name="+",
        verbose_name=_("submitted by"),
    )
    title = models.CharField(_("title"), max_length=100)
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    authors = models.CharField(_("authors"), max_length=200)
    description = models.TextField(_("description"))
    original = models.BooleanField(
        _("originality statement"),
        help_text=_("The work is our own, has not won a prize elsewhere, and we hold the rights to show it."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    moderation_note = models.TextField(_("moderation note"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["-submitted_at"]

    def __str__(self):
        return self.title

    def url(self):
        return self.call.url + self.call.reverse_subpage("entry", args=(self.pk,))

    def cover(self):
        return next((item for item in self.files.all() if item.kind == EntryFile.Kind.IMAGE), None)


class EntryFile(models.Model):
    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        PDF = "pdf", _("PDF")
        VIDEO = "video", _("Video")

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to="works/%Y/%m/")

    class Meta:
        verbose_name = _("entry file")
        ordering = ["pk"]


class JudgeSheet(models.Model):
    """One judge's points for one entry; other judges never see it."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="sheets")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    points = models.JSONField(pgettext_lazy("score per criterion", "points"))
    total = models.PositiveIntegerField(_("total"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "judge"], name="one_sheet_per_judge_and_entry")]


class Vote(models.Model):
    """One public vote, kept individually: who, when, from which address (hashed), and if voided, why."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="votes", verbose_name=_("entry"))
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("voter"))
    day = models.DateField(_("day"))
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)
    address_hash = models.CharField(_("address (hashed)"), max_length=64, db_index=True)
    network_hash = models.CharField(_("address range (hashed)"), max_length=64, db_index=True)
    voided = models.BooleanField(_("voided"), default=False)
    void_reason = models.CharField(_("reason for voiding"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["-cast_at"]
        constraints = [models.UniqueConstraint(fields=["entry", "voter", "day"], name="one_vote_per_entry_and_day")]


