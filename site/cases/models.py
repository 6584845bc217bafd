from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Max, Sum
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from base.legal_review import LegalReviewPageMixin
from base.models import SectionPage
from base.pagination import paginate
from base.sitemaps import FilterPagesInSitemapMixin, terms_in_use, years_in_use
from core.taxonomy.models import CampaignArea
from core.segmentation import SegmentedSearchMixin, segmented_search_fields

from .export import export_csv, export_xlsx
from .feeds import CaseFeed
from .filters import CaseFilter
from .penalties import PENALTY_CONDITIONS, PenaltyKind


class UnitKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("Enterprise")
    SHOP = "shop", _("Shop or small business")
    CONSTRUCTION = "construction", _("Construction site")
    VESSEL = "vessel", _("Vessel owner")
    PERSON = "person", _("Individual")
    OTHER = "other", _("Other")


class CaseIndexPage(LegalReviewPageMixin, FilterPagesInSitemapMixin, RoutablePageMixin, SectionPage):
    """Typical violation cases exposed after legal review, filterable and exportable."""

    per_page = 10
    parent_page_types = ["base.HomePage", "campaigns.CampaignPage"]
    subpage_types = ["cases.ViolationCasePage"]

    class Meta:
        verbose_name = _("case index")

    def cases(self):
        return ViolationCasePage.objects.live().descendant_of(self).select_related("area").order_by("-decision_date", "-pk")

    def filtered(self, request):
        return CaseFilter(request.GET, queryset=self.cases(), index_page=self)

    def filtered_cases(self, case_filter):
        # An invalid filter value selects nothing rather than silently everything.
        return case_filter.qs if case_filter.is_valid() else self.cases().none()

    def filter_pages(self):
        """The listing filtered by one of its filters (query parameters), for each value with cases."""
        cases = ViolationCasePage.objects.live().descendant_of(self).order_by()
        for area in terms_in_use(CampaignArea.objects.all(), "cases", cases):
            yield "?" + urlencode({"area": area.code}), area.lastmod
        for row in cases.values("township").annotate(lastmod=Max("last_published_at")).order_by("township"):
            yield "?" + urlencode({"township": row["township"]}), row["lastmod"]
        for year, lastmod in years_in_use(cases, "decision_date"):
            yield "?" + urlencode({"year": year}), lastmod
        for kind, condition in PENALTY_CONDITIONS.items():
            found = cases.filter(condition).aggregate(count=Count("pk"), lastmod=Max("last_published_at"))
            if found["count"]:
                yield "?" + urlencode({"penalty": kind.value}), found["lastmod"]

    @path("")
    def listing(self, request):
        case_filter = self.filtered(request)
        cases = self.filtered_cases(case_filter)
        context = {
            "filter": case_filter,
            "cases": paginate(request, cases, self.per_page),
            "totals": cases.aggregate(count=Count("pk"), fines=Sum("fine_yuan")),
            "query_string": request.GET.urlencode(),
        }
        return self.render(request, context_overrides=context)

    @path("export/csv/", name="export_csv")
    def csv(self, request):
        return export_csv(self.filtered_cases(self.filtered(request)))

    @path("export/xlsx/", name="export_xlsx")
    def xlsx(self, request):
        return export_xlsx(self.filtered_cases(self.filtered(request)))

    @path("feed/", name="feed")
    def feed(self, request):
        return CaseFeed()(request, index_page=self)


class ViolationCasePage(LegalReviewPageMixin, SegmentedSearchMixin, Page):
    """One exposed violation (典型案例曝光) with its structured facts and penalties."""

    unit_name = models.CharField(_("unit name"), max_length=200)
    unit_kind = models.CharField(_("unit kind"), max_length=20, choices=UnitKind.choices)
    township = models.CharField(_("township or street"), max_length=60)
    area = models.ForeignKey(
        "taxonomy.CampaignArea", verbose_name=_("campaign area"), on_delete=models.PROTECT, related_name="cases"
    )
    facts = models.TextField(_("facts of the violation"))
    legal_basis = models.TextField(_("legal basis"))
    fine_yuan = models.DecimalField(_("fine (yuan)"), max_digits=12, decimal_places=2, default=0)
    suspended = models.BooleanField(_("ordered to suspend"), default=False)
    closed = models.BooleanField(_("ordered to close"), default=False)
    detained_people = models.PositiveSmallIntegerField(_("people in administrative detention"), default=0)
    criminal_referral = models.BooleanField(_("referred for criminal investigation"), default=False)
    decision_number = models.CharField(_("decision number"), max_length=80)
    decision_date = models.DateField(_("decision date"))
    is_demo = models.BooleanField(_("demo data"), default=False, help_text=_("A fictional case shown as an example."))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("unit_name"), FieldPanel("unit_kind"), FieldPanel("township"), FieldPanel("area")],
            heading=_("Unit"),
        ),
        FieldPanel("facts"),
        FieldPanel("legal_basis"),
        MultiFieldPanel(
            [
                FieldPanel("fine_yuan"),
                FieldRowPanel([FieldPanel("suspended"), FieldPanel("closed"), FieldPanel("criminal_referral")]),
                FieldPanel("detained_people"),
            ],
            heading=_("Penalties"),
        ),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")], heading=_("Decision")),
        FieldPanel("is_demo"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("unit_name"), index.FilterField("decision_date"), *segmented_search_fields(),
    ]
    search_text_fields = ["unit_name", "township", "area", "facts", "legal_basis"]
    # Checked for private persons' identifiers before the legal review (publishing/deidentification.py).
    personal_data_fields = ["title", "unit_name", "township", "facts", "legal_basis", "decision_number"]
    parent_page_types = ["cases.CaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("violation case")
        verbose_name_plural = _("violation cases")

    def clean(self):
        super().clean()
        if not self.penalty_kinds():
            raise ValidationError(_("Record at least one penalty."))

    def penalty_kinds(self):
        kinds = []
        if self.fine_yuan and self.fine_yuan > 0:
            kinds.append(PenaltyKind.FINE)
        if self.suspended:
            kinds.append(PenaltyKind.SUSPENSION)
        if self.closed:
            kinds.append(PenaltyKind.CLOSURE)
        if self.detained_people:
            kinds.append(PenaltyKind.DETENTION)
        if self.criminal_referral:
            kinds.append(PenaltyKind.CRIMINAL)
        return kinds

    def penalty_labels(self):
        return [kind.label for kind in self.penalty_kinds()]

    def other_penalty_labels(self):
        """The penalties besides the fine, whose amount is shown on its own."""
        return [kind.label for kind in self.penalty_kinds() if kind != PenaltyKind.FINE]

    @property
    def listing_date(self):
        return self.decision_date
