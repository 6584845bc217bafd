"""The fixed taxonomy every part tags with: the seven venues (七进) and seven campaign areas (七大攻坚战).

The codes are fixed and seeded by a migration; staff may only relabel them.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class TaxonomyTerm(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=60)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0, editable=False)

    class Meta:
        abstract = True
        ordering = ["sort_order"]

    def __str__(self):
        return self.name


class Venue(TaxonomyTerm):
    """One of the seven venues safety culture goes into (七进)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")


class CampaignArea(TaxonomyTerm):
    """One of the seven campaign areas (七大攻坚战)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("campaign area")
        verbose_name_plural = _("campaign areas")
