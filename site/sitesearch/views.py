from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .models import SearchTerm
from .page_types import searchable_types
from .queries import parse
from .results import search as find
from .suggestions import popular_searches, suggestions

PER_PAGE = 10


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:100]
    types = searchable_types()
    kind = request.GET.get("type", "")
    parsed = parse(query)
    results, error, suggested = [], "", []
    if query and not parsed.terms:
        error = _("Type a word to search for.")
    elif parsed.terms:
        results = find(request, parsed, types.get(kind))
        if results:
            if request.GET.get("page", "1") == "1" and not kind:
                SearchTerm.record(query)
        else:
            suggested = suggestions(parsed)
    paginated = Paginator(results, PER_PAGE).get_page(request.GET.get("page", 1))
    return TemplateResponse(request, "sitesearch/search.html", {
        "query": query, "terms": parsed.words(), "results": paginated, "error": error, "kind": kind,
        "suggestions": suggested, "popular": [] if query else popular_searches(),
        "types": [(name, model._meta.verbose_name_plural) for name, model in types.items()],
        "query_string": urlencode({"q": query, "type": kind}) if query else "",
    })
