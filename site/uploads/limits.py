"""The general upload limit: a request body over MAX_UPLOAD_SIZE (plus room for the form's other
fields) is refused with 413 before any view reads it. Forms keep their own per-file checks."""
from django.conf import settings
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat

FORM_FIELDS_ALLOWANCE = 512 * 1024


class UploadSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_UPLOAD_SIZE + FORM_FIELDS_ALLOWANCE:
            context = {"max_size": filesizeformat(settings.MAX_UPLOAD_SIZE)}
            return render(request, "uploads/too_large.html", context, status=413)
        return self.get_response(request)
