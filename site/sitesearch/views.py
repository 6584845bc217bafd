from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.models import Page

from .page_types import searchable_types
from .segmentation import query_terms

MAX_RESULTS = 200
PER_PAGE = 10


def listing_date(page):
    date = getattr(page, "listing_date", None) or page.first_published_at
    return date.date() if hasattr(date, "date") else date


def best_then_newest(found):
    """Keep the backend's relevance order (its scores differ in sign between databases);
    among equally good matches, the newest first."""
    rank = {}
    for page in found:
        rank.setdefault(round(page.score, 6), len(rank))
    return sorted(found, key=lambda page: (rank[round(page.score, 6)], -listing_date(page).toordinal()))


def search(request):
    query = request.GET.get("q", "").strip()[:100]
    types = searchable_types()
    kind = request.GET.get("type", "")
    model = types.get(kind, Page)
    results, error = [], ""
    terms = query_terms(query)
    if query and not terms:
        error = _("Type a word to search for.")
    elif terms:
        pages = model.objects.live().public().filter(depth__gt=1)
        found = list(pages.specific().search(query, operator="and").annotate_score("score")[:MAX_RESULTS])
        results = best_then_newest(found)
    page_number = request.GET.get("page", 1)
    paginated = Paginator(results, PER_PAGE).get_page(page_number)
    return TemplateResponse(request, "sitesearch/search.html", {
        "query": query, "terms": terms, "results": paginated, "error": error, "kind": kind,
        "types": [(name, model._meta.verbose_name_plural) for name, model in types.items()],
        "query_string": urlencode({"q": query, "type": kind}) if query else "",
    })
