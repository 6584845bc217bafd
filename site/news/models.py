from django import forms
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from base.models import SectionPage
from base.blocks import BaseStreamBlock
from base.listings import with_renditions
from base.pagination import paginate
from sitesearch.segmentation import SegmentedSearchMixin, segmented_search_fields
from taxonomy.models import CampaignArea, Venue

from .feeds import ArticleFeed


class ArticleIndexPage(RoutablePageMixin, SectionPage):
    """News and activity reports, filtered by venue, campaign area or year."""

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

    def render_listing(self, request, articles, **filters):
        context = {
            "articles": paginate(request, articles, self.per_page),
            "venues": Venue.objects.all(),
            "areas": CampaignArea.objects.all(),
            "years": self.articles().dates("date", "year", order="DESC"),
            **filters,
        }
        return self.render(request, context_overrides=context)

    @path("")
    def all_articles(self, request):
        return self.render_listing(request, self.articles())

    @path("venue/<slug:code>/")
    def by_venue(self, request, code):
        venue = get_object_or_404(Venue, code=code)
        return self.render_listing(request, self.articles().filter(venues=venue), venue=venue)

    @path("area/<slug:code>/")
    def by_area(self, request, code):
        area = get_object_or_404(CampaignArea, code=code)
        return self.render_listing(request, self.articles().filter(areas=area), area=area)

    @path("year/<int:year>/")
    def by_year(self, request, year):
        return self.render_listing(request, self.articles().filter(date__year=year), year=year)

    @path("feed/", name="feed")
    def feed(self, request):
        return ArticleFeed()(request, index_page=self)


class ArticlePage(SegmentedSearchMixin, Page):
    """A news item or an activity report."""

    date = models.DateField(_("date"))
    reporter = models.CharField(_("reporter"), max_length=80, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("lead image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    venues = ParentalManyToManyField(Venue, verbose_name=_("venues"), blank=True, related_name="articles")
    areas = ParentalManyToManyField(CampaignArea, verbose_name=_("campaign areas"), blank=True, related_name="articles")

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("reporter")], heading=_("Byline")),
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
