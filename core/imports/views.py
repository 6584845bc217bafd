"""An admin import in two steps: upload a spreadsheet and see every row (or every problem) before
anything is saved; then confirm. The parsed rows wait in the cache between the steps, under a
token only the uploader can use.

A subclass names its viewset, template, form and cache prefix, and writes three steps:
`parse(filename, data)` (a report; raises SpreadsheetError when the file cannot be read),
`preview(request, form, report)` (keeps what confirming needs with `keep` and renders), and
`save(request, pending)` (saves all or nothing and redirects).
"""
import secrets

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin import messages

from core.imports.spreadsheets import SpreadsheetError

PENDING_IMPORT_SECONDS = 3600


class PreviewImportView(View):
    viewset = None
    template_name = None
    form_class = None
    cache_prefix = None  # e.g. "quizzes:pending-import"
    index_url_name = "index"  # the viewset's listing, where the page links back to

    def dispatch(self, request, *args, **kwargs):
        if not self.viewset.permission_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def index_url(self):
        return reverse(self.viewset.get_url_name(self.index_url_name))

    def render(self, request, **context):
        context.setdefault("form", self.form_class())
        context["form_url"] = request.path
        context["index_url"] = self.index_url()
        return TemplateResponse(request, self.template_name, context)

    def get(self, request):
        return self.render(request)

    def post(self, request):
        if "token" in request.POST:
            return self.confirm(request, request.POST["token"])
        form = self.form_class(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(request, form=form)
        upload = form.cleaned_data["file"]
        try:
            report = self.parse(upload.name, upload.read())
        except SpreadsheetError as error:
            form.add_error("file", str(error))
            return self.render(request, form=form)
        return self.preview(request, form, report)

    def keep(self, request, pending):
        """Keep `pending` (plain data) for the confirmation; returns its token."""
        token = secrets.token_urlsafe(16)
        cache.set(self.cache_key(token), {"user": request.user.pk, "pending": pending}, PENDING_IMPORT_SECONDS)
        return token

    def confirm(self, request, token):
        kept = cache.get(self.cache_key(token))
        if not kept or kept["user"] != request.user.pk:
            messages.error(request, _("This import has expired: please upload the file again."))
            return redirect(request.path)
        cache.delete(self.cache_key(token))
        return self.save(request, kept["pending"])

    def cache_key(self, token):
        return f"{self.cache_prefix}:{token}"

