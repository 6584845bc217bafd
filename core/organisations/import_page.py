"""The admin's registry import: download the template, upload it filled in, see every unit (or
every problem, row by row) before anything is saved, then confirm. Nothing is saved while any row
is wrong. The parsed rows wait in the cache between the two steps."""
import secrets

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin import messages

from core.spreadsheets import SpreadsheetError
from core.taxonomy.models import Venue

from .forms import RegistryImportForm
from .importing import ParseReport, RegistryRow, import_report, parse_file, template_xlsx
from .models import Unit

PENDING_IMPORT_SECONDS = 3600
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class RegistryImportView(View):
    viewset = None
    template_name = "organisations/admin/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not self.viewset.permission_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, request, **context):
        context.setdefault("form", RegistryImportForm())
        context["form_url"] = request.path
        context["index_url"] = reverse(self.viewset.get_url_name("index"))
        context["template_url"] = reverse(self.viewset.get_url_name("import_template"))
        return TemplateResponse(request, self.template_name, context)

    def get(self, request):
        return self.render(request)

    def post(self, request):
        if "token" in request.POST:
            return self.confirm(request, request.POST["token"])
        form = RegistryImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(request, form=form)
        upload = form.cleaned_data["file"]
        try:
            report = parse_file(upload.name, upload.read())
        except SpreadsheetError as error:
            form.add_error("file", str(error))
            return self.render(request, form=form)
        if report.problems:
            return self.render(request, form=form, problems=report.problems, rows_ok=len(report.rows))
        token = secrets.token_urlsafe(16)
        cache.set(self.cache_key(token), {"user": request.user.pk, "rows": [row.as_dict() for row in report.rows]},
                  PENDING_IMPORT_SECONDS)
        existing = {(unit.town.region.name, unit.town.name, unit.name) for unit in Unit.objects.select_related("town__region")}
        venues = dict(Venue.objects.values_list("pk", "name"))
        preview = [
            dict(row.as_dict(), venue=venues.get(row.venue_id, ""), exists=(row.region, row.town, row.unit) in existing)
            for row in report.rows
        ]
        return self.render(request, form=form, token=token, preview=preview)

    def confirm(self, request, token):
        pending = cache.get(self.cache_key(token))
        if not pending or pending["user"] != request.user.pk:
            messages.error(request, _("This import has expired: please upload the file again."))
            return redirect(request.path)
        cache.delete(self.cache_key(token))
        result = import_report(ParseReport(rows=[RegistryRow(**row) for row in pending["rows"]]))
        messages.success(
            request,
            _("Registry imported: %(regions)d regions and %(towns)d towns added, %(created)d units added, "
              "%(updated)d units updated.")
            % {"regions": result.regions, "towns": result.towns, "created": result.created, "updated": result.updated},
        )
        return redirect(reverse(self.viewset.get_url_name("index")))

    @staticmethod
    def cache_key(token):
        return f"organisations:pending-import:{token}"


class RegistryTemplateView(RegistryImportView):
    """The empty file to fill in, for those who may import."""

    http_method_names = ["get"]

    def get(self, request):
        response = HttpResponse(template_xlsx(), content_type=XLSX_TYPE)
        response["Content-Disposition"] = "attachment; filename*=UTF-8''registry-template.xlsx"
        return response


