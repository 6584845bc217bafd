from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from base.models import SectionPage
from core.segmentation import SegmentedSearchMixin, segmented_search_fields
from base.listings import with_renditions


class AdQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def showing(self, day):
        return self.filter(starts_on__lte=day, ends_on__gte=day).order_by("-starts_on", "pk")

    def archived(self, day):
        return self.filter(ends_on__lt=day).order_by("-ends_on", "pk")


class PublicServiceAd(SegmentedSearchMixin, index.Indexed, models.Model):
    """A public-service ad (公益广告): a video or a poster, broadcast for a period."""

    title = models.CharField(_("title"), max_length=120)
    slogan = models.CharField(_("slogan"), max_length=200)
    poster = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("poster"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    video = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("video file"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    video_url = models.URLField(
        _("video link"), blank=True,
        help_text=_("A video published elsewhere, e.g. on bilibili, v.qq.com or Youku: shown as a player where the site allows it, else as a link."),
    )
    video_embed = models.ForeignKey(
        "wagtailembeds.Embed", verbose_name=_("video player"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    starts_on = models.DateField(_("broadcast from"))
    ends_on = models.DateField(_("broadcast until"))
    shown_at = models.CharField(_("where it is shown"), max_length=200, help_text=_("e.g. 市区户外大屏、公交车载电视"))

    objects = AdQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slogan"),
        MultiFieldPanel([FieldPanel("poster"), FieldPanel("video"), FieldPanel("video_url")], heading=_("Media")),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Broadcast period")),
        FieldPanel("shown_at"),
    ]
    search_fields = [
        index.SearchField("title"), index.SearchField("slogan"), index.AutocompleteField("title"),
        *segmented_search_fields(),
    ]
    search_text_fields = ["slogan", "shown_at"]

    class Meta:
        verbose_name = _("public-service ad")
        verbose_name_plural = _("public-service ads")
        ordering = ["-starts_on", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not (self.poster_id or self.video_id or self.video_url):
            raise ValidationError(_("Give a poster, a video file or a video link."))
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The broadcast cannot end before it starts.")})

    def save(self, *args, **kwargs):
        self.video_embed = self.find_video_embed()
        super().save(*args, **kwargs)

    def find_video_embed(self):
        """The player for `video_url` (found once per address and kept by Wagtail), or None: a plain link."""
        if not self.video_url:
            return None
        if self.video_embed and self.video_embed.url == self.video_url:
            return self.video_embed
        try:
            return get_embed(self.video_url)
        except EmbedException:
            return None

    def is_showing(self, day=None):
        day = day or timezone.localdate()
        return self.starts_on <= day <= self.ends_on


class AdGalleryPage(SectionPage):
    """The public-service ads on show now and the archive."""

    search_text_fields = ["introduction", "ad_text"]
    parent_page_types = ["base.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("public-service ad gallery")

    def ad_text(self):
        return " ".join(f"{ad.title} {ad.slogan}" for ad in PublicServiceAd.objects.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        ads = PublicServiceAd.objects.select_related("poster", "video", "video_embed").prefetch_related(with_renditions("poster"))
        context["showing"] = ads.showing(today)
        context["archived"] = ads.archived(today)
        return context
