from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from .figures import comparison, month_figures, previous_month
from .pdf import bulletin_pdf
from .records import FIGURES, MonthlyFigures  # noqa: F401  (the app's models)


class BulletinIndexPage(Page):
    """The monthly bulletins (每月通报), newest first."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["base.HomePage"]
    subpage_types = ["bulletin.BulletinPage"]
    max_count = 1

    class Meta:
        verbose_name = _("bulletin index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bulletins"] = BulletinPage.objects.live().child_of(self).order_by("-month")
        return context


class BulletinPage(RoutablePageMixin, Page):
    """One month's bulletin, drawn from that month's figures; published through the page workflow."""

    month = models.DateField(_("month"), help_text=_("Any day of the month."))
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("month"), FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["bulletin.BulletinIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("monthly bulletin")
        verbose_name_plural = _("monthly bulletins")

    def clean(self):
        super().clean()
        if self.month:
            self.month = self.month.replace(day=1)
            siblings = BulletinPage.objects.filter(month=self.month).exclude(pk=self.pk)
            if siblings.exists():
                raise ValidationError({"month": _("There is already a bulletin for this month.")})

    def figures(self):
        current = month_figures(self.month)
        previous = month_figures(previous_month(self.month))
        return current, previous, comparison(current, previous)

    def chart_data(self, current):
        labels = dict(FIGURES)
        towns = sorted(current.towns)
        return {
            "towns": towns,
            "series": [{"name": str(labels[name]), "data": [current.towns[town][name] for town in towns]}
                       for name in ("inspections", "hazards_found", "hazards_rectified", "cases_filed")],
        }

    @path("")
    def bulletin(self, request):
        current, previous, rows = self.figures()
        labels = dict(FIGURES)
        context = {
            "current": current, "previous": previous, "figures": FIGURES,
            "comparison": [(labels[name], now, before, change) for name, now, before, change in rows],
            "town_rows": sorted(current.towns.items()),
            "area_rows": sorted(current.areas.items()),
            "ranking": current.town_ranking("inspections"),
            "rectified_ranking": current.town_ranking("hazards_rectified"),
            "chart": self.chart_data(current),
        }
        return self.render(request, context_overrides=context)

    @path("pdf/", name="pdf")
    def pdf(self, request):
        current, _previous, rows = self.figures()
        response = HttpResponse(bulletin_pdf(self, current, rows), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="bulletin-{self.month:%Y-%m}.pdf"'
        return response
