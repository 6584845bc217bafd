"""The admin's registry import: download the template, upload it filled in, see every unit (or
every problem, row by row) before anything is saved, then confirm (core.imports). Nothing is saved
while any row is wrong."""
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages

from core.imports.views import PreviewImportView
from core.taxonomy.models import Venue

from .forms import RegistryImportForm
from .importing import ParseReport, RegistryRow, import_report, parse_file, template_xlsx
from .models import Unit

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class RegistryImportView(PreviewImportView):
    template_name = "organisations/admin/import.html"
    form_class = RegistryImportForm
    cache_prefix = "organisations:pending-import"

    def render(self, request, **context):
        context["template_url"] = reverse(self.viewset.get_url_name("import_template"))
        return super().render(request, **context)

    def parse(self, filename, data):
        return parse_file(filename, data)

    def preview(self, request, form, report):
        if report.problems:
            return self.render(request, form=form, problems=report.problems, rows_ok=len(report.rows))
        token = self.keep(request, [row.as_dict() for row in report.rows])
        existing = {(unit.town.region.name, unit.town.name, unit.name) for unit in Unit.objects.select_related("town__region")}
        venues = dict(Venue.objects.values_list("pk", "name"))
        preview = [
            dict(row.as_dict(), venue=venues.get(row.venue_id, ""), exists=(row.region, row.town, row.unit) in existing)
            for row in report.rows
        ]
        return self.render(request, form=form, token=token, preview=preview)

    def save(self, request, pending):
        result = import_report(ParseReport(rows=[RegistryRow(**row) for row in pending]))
        messages.success(
            request,
            _("Registry imported: %(regions)d regions and %(towns)d towns added, %(created)d units added, "
              "%(updated)d units updated.")
            % {"regions": result.regions, "towns": result.towns, "created": result.created, "updated": result.updated},
        )
        return redirect(self.index_url())


class RegistryTemplateView(RegistryImportView):
    """The empty file to fill in, for those who may import."""

    http_method_names = ["get"]

    def get(self, request):
        response = HttpResponse(template_xlsx(), content_type=XLSX_TYPE)
        response["Content-Disposition"] = "attachment; filename*=UTF-8''registry-template.xlsx"
        return response
