from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, Page, RevisionMixin, WorkflowMixin
from wagtail.search import index

from base.legal_review import LegalReviewPageMixin
from base.models import SectionPage
from base.blocks import BaseStreamBlock, GalleryBlock
from base.listings import with_renditions
from base.pagination import paginate
from base.sitemaps import FilterPagesInSitemapMixin, terms_in_use
from core.segmentation import SegmentedSearchMixin, segmented_search_fields
from core.taxonomy.models import Venue


class ModelUnitIndexPage(LegalReviewPageMixin, FilterPagesInSitemapMixin, RoutablePageMixin, SectionPage):
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

    def filter_pages(self):
        units = ModelUnitPage.objects.live().descendant_of(self)
        for venue in terms_in_use(Venue.objects.all(), "model_units", units):
            yield self.reverse_subpage("by_venue", args=(venue.code,)), venue.lastmod

    @path("")
    def all_units(self, request):
        return self.render_listing(request, self.units())

    @path("venue/<slug:code>/")
    def by_venue(self, request, code):
        venue = get_object_or_404(Venue, code=code)
        return self.render_listing(request, self.units().filter(venue=venue), venue)


class ModelUnitPage(LegalReviewPageMixin, SegmentedSearchMixin, Page):
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


class Nomination(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """A staff member proposes a unit as a model unit; the legal review workflow (法制审核) decides.

    An editor saves a draft and submits it; a reviewer's approval publishes it (``live``), which
    drafts the unit's page once (``units.nominations``). Revisions, workflow states and log entries
    record who did what and when.
    """

    unit_name = models.CharField(_("unit name"), max_length=200)
    venue = models.ForeignKey(Venue, verbose_name=_("venue"), on_delete=models.PROTECT, related_name="nominations")
    township = models.CharField(_("township or street"), max_length=60)
    reasons = models.TextField(_("reasons"))
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("nominated by"), null=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("nominated at"), auto_now_add=True)
    unit_page = models.OneToOneField(
        ModelUnitPage, verbose_name=_("model unit page"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="nomination",
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="nomination")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState", content_type_field="base_content_type", object_id_field="object_id",
        related_query_name="nomination", for_concrete_model=False,
    )

    panels = [
        FieldPanel("unit_name"), FieldPanel("venue"), FieldPanel("township"), FieldPanel("reasons"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("attachment")),
    ]

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.unit_name

    @property
    def revisions(self):
        return self._revisions

    def with_content_json(self, content):
        # Who nominated and the drafted page belong to the nomination, not to one revision.
        obj = super().with_content_json(content)
        obj.nominated_by_id = self.nominated_by_id
        obj.unit_page_id = self.unit_page_id
        return obj


class NominationAttachment(Orderable):
    """One supporting document of a nomination (Wagtail's documents apply the upload rules)."""

    nomination = ParentalKey(Nomination, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
