from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page
from wagtail.search import index

from core.segmentation import SegmentedSearchMixin, segmented_search_fields

from .legal_review import LegalReviewTask  # noqa: F401  (a model: the 法制审核 task)
from .listings import home_listings


class HomePage(SegmentedSearchMixin, Page):
    """The site root: the current campaign's banner and what is happening now."""

    banner_theme = models.CharField(
        _("campaign theme"), max_length=120, blank=True, help_text=_("e.g. 防风险、除隐患、遏事故")
    )
    introduction = models.TextField(_("introduction"), blank=True)
    banner_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("banner image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("banner_theme"),
        FieldPanel("introduction"),
        FieldPanel("banner_image"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), *segmented_search_fields()]
    search_text_fields = ["banner_theme", "introduction"]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "campaigns.CampaignPage", "news.ArticleIndexPage", "events.EventPage", "cases.CaseIndexPage",
        "units.ModelUnitIndexPage", "ads.AdGalleryPage", "hazards.HazardIndexPage", "onlinecontest.OnlineContestPage",
        "contests.ContestResultsPage", "reports.ReportsPage",
        "reports.SupervisorCallPage", "works.WorksCallPage", "demosites.DemoSiteIndexPage", "bulletin.BulletinIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_listings())
        context["figures"] = headline_figures(request)
        context["live_now"] = live_now_items(request)
        return context


class SectionPage(SegmentedSearchMixin, Page):
    """A section of the site under the home page: a title, an introduction and a listing."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + segmented_search_fields()
    search_text_fields = ["introduction"]

    class Meta:
        abstract = True


def headline_figures(request):
    """The 主要数据 block: the first figures an app offers through the `headline_figures` hook (the
    latest monthly bulletin), else those staff typed into the HeadlineFigures setting."""
    for fn in hooks.get_hooks("headline_figures"):
        figures = fn(request)
        if figures is not None:
            return figures
    return HeadlineFigures.for_request(request)


def live_now_items(request):
    """What other parts run right now (contests register a `live_now_items` hook)."""
    items = []
    for fn in hooks.get_hooks("live_now_items"):
        items.extend(fn(request))
    return items


@register_setting(icon="table")
class HeadlineFigures(BaseSiteSetting):
    """The campaign's headline figures on the home page, edited by staff in Settings."""

    as_of = models.DateField(_("figures as of"), null=True, blank=True)
    inspections = models.PositiveIntegerField(_("unit inspections"), default=0)
    hazards_found = models.PositiveIntegerField(_("hazards found"), default=0)
    penalty_cases = models.PositiveIntegerField(_("penalty cases"), default=0)
    fines_yuan = models.DecimalField(_("fines (yuan)"), max_digits=14, decimal_places=2, default=0)

    panels = [
        FieldPanel("as_of"),
        MultiFieldPanel(
            [FieldPanel("inspections"), FieldPanel("hazards_found"), FieldPanel("penalty_cases"), FieldPanel("fines_yuan")],
            heading=_("Figures"),
        ),
    ]

    class Meta:
        verbose_name = _("headline figures")
