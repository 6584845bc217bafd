"""The organisation registry: 区域 (region) → 镇街 (town or street) → 单位 (unit), with headcounts.

One place for every part that asks "which town, which unit": the online contest's rankings by
participation rate, hazard reports routed to a town's handler, culture works entered by a unit,
demonstration sites. Participants pick from this tree, never type a unit's name.
"""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from core.taxonomy.models import Venue

from .initials import pinyin_full, pinyin_initials


class RegistryEntry(models.Model):
    name = models.CharField(_("name"), max_length=100)
    # Filled on save; searched by the pickers ("ta" finds 塘下, "tangxia" too).
    initials = models.CharField(_("pinyin initials"), max_length=100, editable=False, db_index=True)
    pinyin = models.CharField(_("pinyin"), max_length=300, editable=False)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def save(self, *args, **kwargs):
        self.initials = pinyin_initials(self.name)[:100]
        self.pinyin = pinyin_full(self.name)[:300]
        super().save(*args, **kwargs)

    def __str__(self):
        return self.name


class Region(RegistryEntry):
    class Meta(RegistryEntry.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [models.UniqueConstraint(fields=["name"], name="unique_region_name")]


class Town(RegistryEntry):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="towns", verbose_name=_("region"))

    class Meta(RegistryEntry.Meta):
        verbose_name = _("town or street")
        verbose_name_plural = _("towns and streets")
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="unique_town_in_region")]


class Unit(RegistryEntry):
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="units", verbose_name=_("town or street"))
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("venue"),
        help_text=_("Which of the seven venues the unit is: enterprise, school, office, community, …"),
    )
    headcount = models.PositiveIntegerField(
        _("headcount"), default=0, help_text=_("People in the unit: the denominator of its participation rate."),
    )

    class Meta(RegistryEntry.Meta):
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [models.UniqueConstraint(fields=["town", "name"], name="unique_unit_in_town")]

    def __str__(self):
        return f"{self.name}（{self.town.name}）"


class Membership(models.Model):
    """A person's claim to belong to a unit (单位成员), verified by the unit's contact or by staff.

    Parts that act for a unit (a culture works entry) ask for a verified membership (`membership.py`).
    A contact (单位联系人) is a verified member whom staff made the unit's contact; a unit's own account
    is the same thing: an account that is the unit's verified contact."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for verification")
        VERIFIED = "verified", pgettext_lazy("unit membership", "Verified")
        REFUSED = "refused", _("Refused")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="unit_memberships",
                             verbose_name=_("person"))
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("unit"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    contact = models.BooleanField(
        _("unit contact"), default=False,
        help_text=_("The unit's contact verifies the people who say they belong to it. Only staff set this."),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   editable=False, related_name="+", verbose_name=_("decided by"))

    class Meta:
        verbose_name = _("unit membership")
        verbose_name_plural = _("unit memberships")
        ordering = ["-requested_at"]
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="one_membership_per_person_and_unit")]

    def __str__(self):
        return f"{self.user} · {self.unit.name}"
