from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from base.models import SectionPage
from base.blocks import BaseStreamBlock
from base.listings import with_renditions
from base.pagination import paginate
from base.sitemaps import FilterPagesInSitemapMixin, terms_in_use, years_in_use
from core.segmentation import SegmentedSearchMixin, segmented_search_fields
from core.taxonomy.models import CampaignArea, Venue

from .feeds import ArticleFeed
from .filters import PATH_PATTERN, NewsFilters


class ArticleIndexPage(FilterPagesInSitemapMixin, RoutablePageMixin, SectionPage):
    """News and activity reports, filtered by venue, campaign area and year together (news/filters.py)."""

    per_page = 10
    parent_page_types = ["base.HomePage", "campaigns.CampaignPage"]
    subpage_types = ["news.ArticlePage"]

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        return (
            ArticlePage.objects.live().descendant_of(self).order_by("-date", "-pk")
            .select_related("lead_image").prefetch_related(with_renditions("lead_image"), "venues", "areas")
        )

    @re_path(PATH_PATTERN, name="listing")
    def listing(self, request, venue=None, area=None, year=None):
        filters = NewsFilters.from_path(venue, area, year)
        index_url = self.get_url(request)
        years = [day.year for day in self.articles().dates("date", "year", order="DESC")]
        context = {
            "articles": paginate(request, filters.apply(self.articles()), self.per_page),
            "filters": filters,
            "filter_groups": [
                (_("Venue"), filters.links(index_url, "venue", Venue.objects.all())),
                (_("Campaign area"), filters.links(index_url, "area", CampaignArea.objects.all())),
                (_("Year"), filters.links(index_url, "year", years)),
            ],
        }
        return self.render(request, context_overrides=context)

    def filter_pages(self):
        articles = ArticlePage.objects.live().descendant_of(self)
        for venue in terms_in_use(Venue.objects.all(), "articles", articles):
            yield NewsFilters(venue=venue).path(), venue.lastmod
        for area in terms_in_use(CampaignArea.objects.all(), "articles", articles):
            yield NewsFilters(area=area).path(), area.lastmod
        for year, lastmod in years_in_use(articles, "date"):
            yield NewsFilters(year=year).path(), lastmod

    @path("feed/", name="feed")
    def feed(self, request):
        return ArticleFeed()(request, index_page=self)


class ArticlePage(SegmentedSearchMixin, Page):
    """A news item or an activity report."""

    date = models.DateField(_("date"))
    reporter = models.CharField(_("reporter"), max_length=80, blank=True)
    source = models.CharField(
        _("source"), max_length=80, blank=True, help_text=_("Where the article comes from; empty means the site's publisher.")
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("lead image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    venues = ParentalManyToManyField(Venue, verbose_name=_("venues"), blank=True, related_name="articles")
    areas = ParentalManyToManyField(CampaignArea, verbose_name=_("campaign areas"), blank=True, related_name="articles")

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("reporter"), FieldPanel("source")], heading=_("Byline")),
        FieldPanel("lead_image"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("venues", widget=forms.CheckboxSelectMultiple), FieldPanel("areas", widget=forms.CheckboxSelectMultiple)],
            heading=_("Tags"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"), index.FilterField("date"), *segmented_search_fields(),
    ]
    search_text_fields = ["summary", "body", "reporter"]
    parent_page_types = ["news.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def social_image(self):
        return self.lead_image

    @property
    def listing_date(self):
        return self.date
