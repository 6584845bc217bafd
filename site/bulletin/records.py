"""The month's figures staff record per campaign area and town (what the platform does not hold itself)."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.organisations.models import Town
from core.taxonomy.models import CampaignArea

# (field, label) in the order the bulletin shows them.
FIGURES = (
    ("inspections", pgettext_lazy("bulletin figure", "Inspections")),
    ("hazards_found", pgettext_lazy("bulletin figure", "Hazards found")),
    ("hazards_rectified", pgettext_lazy("bulletin figure", "Hazards rectified")),
    ("cases_filed", pgettext_lazy("bulletin figure", "Cases filed")),
    ("fines_yuan", pgettext_lazy("bulletin figure", "Fines (yuan)")),
    ("closures", pgettext_lazy("bulletin figure", "Closures")),
    ("detentions", pgettext_lazy("bulletin figure", "Detentions")),
)
FIGURE_NAMES = tuple(name for name, _label in FIGURES)


class MonthlyFigures(models.Model):
    month = models.DateField(_("month"), help_text=_("Any day of the month: stored as its first day."))
    area = models.ForeignKey(CampaignArea, on_delete=models.PROTECT, related_name="+", verbose_name=_("campaign area"))
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("town or street"))
    inspections = models.PositiveIntegerField(_("inspections"), default=0)
    hazards_found = models.PositiveIntegerField(_("hazards found"), default=0)
    hazards_rectified = models.PositiveIntegerField(_("hazards rectified"), default=0)
    cases_filed = models.PositiveIntegerField(_("cases filed"), default=0)
    fines_yuan = models.DecimalField(_("fines (yuan)"), max_digits=14, decimal_places=2, default=0)
    closures = models.PositiveIntegerField(_("closures"), default=0)
    detentions = models.PositiveIntegerField(_("detentions"), default=0)

    class Meta:
        verbose_name = _("monthly figures")
        verbose_name_plural = _("monthly figures")
        ordering = ["-month", "town__sort_order", "area__sort_order"]
        constraints = [models.UniqueConstraint(fields=["month", "area", "town"], name="one_record_per_month_area_town")]

    def save(self, *args, **kwargs):
        self.month = self.month.replace(day=1)
        super().save(*args, **kwargs)

    def __str__(self):
        return f"{self.month:%Y-%m} {self.town} {self.area}"
