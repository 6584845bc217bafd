"""The general upload limit: a request body over MAX_UPLOAD_SIZE (plus room for the form's other
fields) is refused with 413 before any view reads it. Forms keep their own per-file checks.

Content-Length alone is not enough: a chunked body has none. `BodySizeLimit` counts the body as
the server hands it to Django and stops passing it on at the limit, marking the request, which
`UploadSizeLimitMiddleware` then answers with the same 413 page.
"""
from django.conf import settings
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat

FORM_FIELDS_ALLOWANCE = 512 * 1024
TOO_LARGE = "uploads.body_too_large"


def body_limit():
    return settings.MAX_UPLOAD_SIZE + FORM_FIELDS_ALLOWANCE


class BodySizeLimit:
    """ASGI middleware around Django's HTTP handler (which would spool any body whole)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        scope = dict(scope)
        limit, received = body_limit(), 0

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
        if length > body_limit() or getattr(request, "scope", {}).get(TOO_LARGE):
            context = {"max_size": filesizeformat(settings.MAX_UPLOAD_SIZE)}
            return render(request, "uploads/too_large.html", context, status=413)
        return self.get_response(request)
