"""The public pages of reports and supervisors; the data models live in hazard_reports.py and
supervisors.py (the app's models are those this module imports)."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from base.models import SectionPage

from . import views
from .hazard_reports import DueDays, Report, ReportEvent, ReportPhoto, TownHandler  # noqa: F401
from .supervisors import Supervisor  # noqa: F401


class ReportsPage(RoutablePageMixin, SectionPage):
    """随手拍: the report form, following a report by number or secret link, a supervisor's own page."""

    parent_page_types = ["base.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("hazard reports page")

    # The routes; what they do is in views.py.
    @path("")
    def form_route(self, request):
        return views.report_form(self, request)

    @path("track/", name="track")
    def track_route(self, request):
        return views.track(self, request)

    @path("status/<str:secret>/", name="status")
    def status_route(self, request, secret):
        return views.status(self, request, secret)

    @path("supervisor/<str:secret>/", name="supervisor")
    def supervisor_route(self, request, secret):
        return views.supervisor_home(self, request, secret)

    @path("supervisor/<str:secret>/letter/", name="letter")
    def letter_route(self, request, secret):
        return views.supervisor_letter(self, request, secret, letter_issuer())


class SupervisorCallPage(RoutablePageMixin, SectionPage):
    """The call for social safety supervisors (社会监督员): requirements, the form, the roster."""

    requirements = RichTextField(_("requirements"), blank=True, features=["bold", "ol", "ul", "link"])
    issuer = models.CharField(
        _("issued by"), max_length=60, blank=True,
        help_text=_("Who appoints, as written on the appointment letters, e.g. 瑞安市安全生产委员会办公室"),
    )

    content_panels = SectionPage.content_panels + [FieldPanel("requirements"), FieldPanel("issuer")]
    search_text_fields = ["introduction"]
    parent_page_types = ["base.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("social supervisors page")

    @path("")
    def form_route(self, request):
        return views.application_form(self, request)

    @path("applied/", name="applied")
    def applied_route(self, request):
        return views.applied(self, request)

    @path("roster/", name="roster")
    def roster_route(self, request):
        return views.roster(self, request)


def letter_issuer():
    call = SupervisorCallPage.objects.live().first()
    return call.issuer if call and call.issuer else str(settings.WAGTAIL_SITE_NAME)
