from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Case, Max, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from base.listings import gather
from base.models import SectionPage
from base.pagination import paginate
from core.segmentation import SegmentedSearchMixin, segmented_search_fields


class HazardQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def with_overdue(self, day):
        overdue = Q(deadline__lt=day) & ~Q(status=ListedHazard.Status.RECTIFIED)
        return self.annotate(overdue=Case(When(overdue, then=Value(True)), default=Value(False)))


class ListedHazard(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, SegmentedSearchMixin, index.Indexed,
                   models.Model):
    """A major hazard listed for supervised rectification (挂牌督办).

    Exposed publicly, so it goes through the 法制审核 workflow (assigned to this snippet by
    migration 0003) with its de-identification check (publishing/deidentification.py): editors
    save drafts and submit, a reviewer's approval publishes. The public sees live hazards only.
    """

    class Status(models.TextChoices):
        LISTED = "listed", _("Listed")
        RECTIFYING = "rectifying", _("Being rectified")
        RECTIFIED = "rectified", _("Rectified and delisted")

    title = models.CharField(_("hazard"), max_length=200)
    responsible_unit = models.CharField(_("responsible unit"), max_length=200)
    township = models.CharField(_("township or street"), max_length=60)
    area = models.ForeignKey(
        "taxonomy.CampaignArea", verbose_name=_("campaign area"), on_delete=models.PROTECT, related_name="hazards"
    )
    listed_on = models.DateField(_("listed on"))
    deadline = models.DateField(_("rectification deadline"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.LISTED)
    progress = models.TextField(_("progress"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = HazardQuerySet.as_manager()
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="listed_hazard")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState", content_type_field="base_content_type", object_id_field="object_id",
        related_query_name="listed_hazard", for_concrete_model=False,
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("responsible_unit"), FieldPanel("township")]),
        FieldPanel("area"),
        FieldRowPanel([FieldPanel("listed_on"), FieldPanel("deadline")]),
        FieldPanel("status"),
        FieldPanel("progress"),
    ]
    search_fields = [
        index.SearchField("title"), index.SearchField("responsible_unit"), index.AutocompleteField("title"),
        index.FilterField("live"),
        *segmented_search_fields(),
    ]
    search_text_fields = ["responsible_unit", "township", "progress"]
    personal_data_fields = ["title", "responsible_unit", "township", "progress"]

    class Meta:
        verbose_name = _("listed hazard")
        verbose_name_plural = _("listed hazards")
        ordering = ["deadline", "pk"]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def submit_for_review(self, user):
        """Save this state as `user`'s revision and put it before the 法制审核 reviewers (a review
        already running looks at the newest revision). Without the workflow it stays a draft."""
        self.save_revision(user=user)
        workflow = self.get_workflow()
        if workflow is not None and not self.workflow_in_progress:
            workflow.start(self, user)

    @classmethod
    def public_for_search(cls):
        return cls.objects.filter(live=True)

    def search_result_url(self, request):
        index_page = HazardIndexPage.objects.live().public().first()
        return index_page.url_of(self, request) if index_page else None


class HazardIndexPage(SectionPage):
    """The hazards under supervised rectification; overdue ones first and marked."""

    per_page = 20
    parent_page_types = ["base.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("listed hazards page")

    def hazards(self):
        return (
            ListedHazard.objects.filter(live=True).with_overdue(timezone.localdate()).select_related("area")
            .order_by("-overdue", "status", "deadline", "pk")
        )

    def content_updated_at(self):
        """The section's content is the hazards: their last change counts as its update."""
        return ListedHazard.objects.filter(live=True).aggregate(newest=Max("updated_at"))["newest"]

    def url_of(self, hazard, request=None):
        """The listing's page showing `hazard`, at its card."""
        position = list(self.hazards().values_list("pk", flat=True)).index(hazard.pk)
        page_number = position // self.per_page + 1
        query = f"?page={page_number}" if page_number > 1 else ""
        return f"{self.get_url(request)}{query}#hazard-{hazard.pk}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["hazards"] = paginate(request, self.hazards(), self.per_page)
        # What other apps add to this page (the public reports' monthly figures), through a hook.
        context.update(gather("hazard_page_listings"))
        return context
