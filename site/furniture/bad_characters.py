"""A request whose address or form holds a NUL character is answered 400 with the site's page.

PostgreSQL can neither store nor compare text with NUL in it: a lookup by a query parameter
(`?venue=%00`), a page slug or a posted code would otherwise fail in the database as a server
error (SQLite accepts it, so only production would see it). Django's form fields refuse NUL
already; this covers everything read straight from the request. Reading a POST's form here parses
no more than the CSRF check does before every view anyway (and after the upload size limits)."""
from django.template.response import TemplateResponse

NUL = "\x00"


def holds_nul(query_dict):
    return any(NUL in key or any(NUL in value for value in values) for key, values in query_dict.lists())


class RefuseNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path or holds_nul(request.GET) or (request.method == "POST" and holds_nul(request.POST)):
            return TemplateResponse(request, "400.html", status=400).render()
        return self.get_response(request)
