from django.conf import settings
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from base.models import SectionPage
from base.blocks import BaseStreamBlock
from base.listings import with_renditions
from base.pagination import paginate
from events.blocks import GalleryBlock
from sitesearch.segmentation import SegmentedSearchMixin, segmented_search_fields
from taxonomy.models import Venue


class ModelUnitIndexPage(RoutablePageMixin, SectionPage):
    """The model units (先进典型 / 示范单位), filterable by venue."""

    per_page = 12
    parent_page_types = ["base.HomePage"]
    subpage_types = ["units.ModelUnitPage"]

    class Meta:
        verbose_name = _("model unit index")

    def units(self):
        return (
            ModelUnitPage.objects.live().descendant_of(self).select_related("venue", "photo")
            .prefetch_related(with_renditions("photo")).order_by("venue__sort_order", "title")
        )

    def render_listing(self, request, units, venue=None):
        context = {"units": paginate(request, units, self.per_page), "venues": Venue.objects.all(), "venue": venue}
        return self.render(request, context_overrides=context)

    @path("")
    def all_units(self, request):
        return self.render_listing(request, self.units())

    @path("venue/<slug:code>/")
    def by_venue(self, request, code):
        venue = get_object_or_404(Venue, code=code)
        return self.render_listing(request, self.units().filter(venue=venue), venue)


class ModelUnitPage(SegmentedSearchMixin, Page):
    """A model unit: what it did, its honours and its contest results."""

    unit_name = models.CharField(_("unit name"), max_length=200)
    venue = models.ForeignKey(Venue, verbose_name=_("venue"), on_delete=models.PROTECT, related_name="model_units")
    township = models.CharField(_("township or street"), max_length=60)
    summary = models.TextField(_("what it did, in short"))
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("what it did"), blank=True)
    honours = models.TextField(_("honours"), blank=True, help_text=_("One honour per line."))
    gallery = StreamField(GalleryBlock(), verbose_name=_("photos"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("unit_name"), FieldPanel("venue"), FieldPanel("township")], heading=_("Unit")),
        FieldPanel("summary"),
        FieldPanel("photo"),
        FieldPanel("body"),
        FieldPanel("honours"),
        FieldPanel("gallery"),
    ]
    search_fields = Page.search_fields + [index.SearchField("unit_name"), *segmented_search_fields()]
    search_text_fields = ["unit_name", "township", "venue", "summary", "body", "honours"]
    parent_page_types = ["units.ModelUnitIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("model unit")
        verbose_name_plural = _("model units")

    @property
    def social_image(self):
        return self.photo

    def honour_list(self):
        return [line.strip() for line in self.honours.splitlines() if line.strip()]

    def contest_results(self):
        """Results other parts report for this unit (contests register `unit_contest_results`)."""
        results = []
        for fn in hooks.get_hooks("unit_contest_results"):
            results.extend(fn(self))
        return results


class Nomination(models.Model):
    """A staff member proposes a unit as a model unit; a reviewer decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    unit_name = models.CharField(_("unit name"), max_length=200)
    venue = models.ForeignKey(Venue, verbose_name=_("venue"), on_delete=models.PROTECT, related_name="nominations")
    township = models.CharField(_("township or street"), max_length=60)
    reasons = models.TextField(_("reasons"))
    attachment = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("attachment"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, editable=False)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("nominated by"), null=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("nominated at"), auto_now_add=True)
    unit_page = models.OneToOneField(
        ModelUnitPage, verbose_name=_("model unit page"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="nomination",
    )

    panels = [FieldPanel("unit_name"), FieldPanel("venue"), FieldPanel("township"), FieldPanel("reasons"), FieldPanel("attachment")]

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created_at"]
        permissions = [("review_nomination", "Can approve or reject nominations")]

    def __str__(self):
        return self.unit_name


class NominationStep(models.Model):
    """One recorded step of a nomination: who did what, when, with what comment."""

    class Action(models.TextChoices):
        NOMINATED = "nominated", _("Nominated")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        DRAFTED = "drafted", _("Model unit draft created")

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("nomination step")
        verbose_name_plural = _("nomination steps")
        ordering = ["at", "pk"]
