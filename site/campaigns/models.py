from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from base.blocks import BaseStreamBlock
from base.listings import campaign_listings
from core.segmentation import SegmentedSearchMixin, segmented_search_fields


class CampaignPage(SegmentedSearchMixin, Page):
    """A Safety Production Month or a special campaign; its events sit below it."""

    year = models.PositiveSmallIntegerField(_("year"))
    slogan = models.CharField(_("theme slogan"), max_length=120, help_text=_("e.g. 防风险、除隐患、遏事故"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    hero_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("hero image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("year"), FieldPanel("start_date"), FieldPanel("end_date")], heading=_("When")),
        FieldPanel("slogan"),
        FieldPanel("hero_image"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("slogan"), *segmented_search_fields()]
    search_text_fields = ["slogan", "introduction", "body"]
    parent_page_types = ["base.HomePage"]
    subpage_types = [
        "news.ArticleIndexPage", "events.EventPage", "cases.CaseIndexPage", "onlinecontest.OnlineContestPage",
    ]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The campaign cannot end before it starts.")})

    @property
    def social_image(self):
        return self.hero_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(campaign_listings(self))
        return context
