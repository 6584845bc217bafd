"""The general upload limit: a request body over MAX_UPLOAD_SIZE (plus room for the form's other
fields) is refused with 413 before any view reads it; a view marked with
`core.upload_limits.allows_upload` has its own, larger limit. Forms keep their own per-file checks.

Content-Length alone is not enough: a chunked body has none. `BodySizeLimit` counts the body as
the server hands it to Django and stops passing it on at the limit, marking the request, which
`UploadSizeLimitMiddleware` then answers with the same 413 page.
"""
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat

from core.upload_limits import limit_for_path

FORM_FIELDS_ALLOWANCE = 512 * 1024
TOO_LARGE = "uploads.body_too_large"


def body_limit(path):
    return limit_for_path(path) + FORM_FIELDS_ALLOWANCE


class BodySizeLimit:
    """ASGI middleware around Django's HTTP handler (which would spool any body whole)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        scope = dict(scope)
        limit, received = body_limit(scope["path"].removeprefix(scope.get("root_path", ""))), 0

        async def limited_receive():
            nonlocal received
            if scope.get(TOO_LARGE):
                # The rest of the body is dropped as it comes; only the disconnect is passed on.
                while (message := await receive())["type"] == "http.request":
                    pass
                return message
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    scope[TOO_LARGE] = True
                    return {"type": "http.request", "body": b"", "more_body": False}
            return message

        return await self.app(scope, limited_receive, send)


class UploadSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > body_limit(request.path_info) or getattr(request, "scope", {}).get(TOO_LARGE):
            context = {"max_size": filesizeformat(limit_for_path(request.path_info))}
            return render(request, "uploads/too_large.html", context, status=413)
        return self.get_response(request)
