from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from . import views
from .checklist import (Application, ApplicationPhoto, ChecklistItem, Inspection,  # noqa: F401  (the app's models)
                        InspectionScore, SelfAssessment)


class DemoSiteIndexPage(RoutablePageMixin, Page):
    """The education demonstration sites (宣教示范点): the directory, applications and inspections."""

    introduction = models.TextField(_("introduction"), blank=True)
    pass_percent = models.PositiveSmallIntegerField(
        _("pass mark (percent of full marks)"), default=80, validators=[MaxValueValidator(100)])
    recheck_percent = models.PositiveSmallIntegerField(
        _("re-inspection mark (percent of full marks)"), default=60, validators=[MaxValueValidator(100)],
        help_text=_("From here up to the pass mark: rectify and be inspected again; below it: not passed."))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"), FieldRowPanel([FieldPanel("pass_percent"), FieldPanel("recheck_percent")]),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["base.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("demonstration sites page")

    def clean(self):
        super().clean()
        if self.recheck_percent > self.pass_percent:
            raise ValidationError({"recheck_percent": _("The re-inspection mark cannot be above the pass mark.")})

    @path("")
    def directory(self, request):
        return views.directory(self, request)

    @path("apply/", name="apply")
    def apply(self, request):
        return views.apply(self, request)

    @path("inspections/", name="inspections")
    def inspections(self, request):
        return views.inspections(self, request)

    @path("inspections/<int:application_id>/", name="inspect")
    def inspect(self, request, application_id):
        return views.inspect(self, request, application_id)
