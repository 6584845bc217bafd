"""The designed 404 page for every missing page, in development mode too.

Django answers an Http404 with its technical page when DEBUG is on; a visitor (or a tester under
`make run`) would then see an English debug page. This middleware answers first, with 404.html in
the site's design, in the view's own thread (so the menu may query the page tree)."""
import logging

from django.http import Http404
from django.template.response import TemplateResponse

logger = logging.getLogger(__name__)


class DesignedNotFoundMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Http404):
            return None
        logger.info("Not found: %s (%s)", request.path, exception)
        response = TemplateResponse(request, "404.html", {"missing_path": request.path}, status=404)
        return response.render()
