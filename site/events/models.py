from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail import hooks
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from base.blocks import BaseStreamBlock, GalleryBlock
from core.segmentation import SegmentedSearchMixin, segmented_search_fields


class EventPage(SegmentedSearchMixin, Page):
    """A consultation day, a drill or a contest day."""

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200)
    organisers = models.CharField(_("organisers"), max_length=300, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    materials = models.TextField(_("materials handed out"), blank=True, help_text=_("One item per line."))
    live_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("live game or contest page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    live_url = models.URLField(_("live game or contest link"), blank=True, help_text=_("Used when no page is chosen."))
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    gallery = StreamField(GalleryBlock(), verbose_name=_("gallery"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        FieldPanel("place"),
        FieldPanel("organisers"),
        FieldPanel("introduction"),
        InlinePanel("desks", label=_("Participating units")),
        FieldPanel("materials"),
        MultiFieldPanel([FieldPanel("live_page"), FieldPanel("live_url")], heading=_("Live game or contest")),
        FieldPanel("body"),
        FieldPanel("gallery"),
    ]
    search_fields = Page.search_fields + [index.FilterField("start"), *segmented_search_fields()]
    search_text_fields = ["place", "organisers", "introduction", "materials", "body"]
    parent_page_types = ["base.HomePage", "campaigns.CampaignPage"]
    subpage_types = ["contests.ContestResultsPage"]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    def material_list(self):
        return [line.strip() for line in self.materials.splitlines() if line.strip()]

    def game_links(self):
        """Links other parts publish to this event (public games register `event_links`)."""
        return [link for fn in hooks.get_hooks("event_links") for link in fn(self)]

    def live_link(self):
        if self.live_page_id:
            return self.live_page.url
        return self.live_url

    @property
    def listing_date(self):
        return self.start


class EventDesk(Orderable):
    """A unit taking part, at its consultation desk."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="desks")
    unit_name = models.CharField(_("unit"), max_length=120)
    desk_number = models.CharField(_("desk number"), max_length=20, blank=True)

    panels = [FieldPanel("unit_name"), FieldPanel("desk_number")]

    class Meta(Orderable.Meta):
        verbose_name = _("participating unit")
        verbose_name_plural = _("participating units")
