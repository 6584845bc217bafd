"""The public search's results: live public pages and the registered snippets (page_types.py),
ranked the same on every database: title matches first, then the most matches in the text, then
the newest."""
from dataclasses import dataclass
from datetime import date, datetime

from wagtail.models import Page

from .page_types import searchable_snippets

MAX_RESULTS = 200


@dataclass
class Result:
    obj: object  # the page (specific) or snippet found
    title: str
    url: str
    kind: str
    text: str
    day: date | None
    title_matches: int
    text_matches: int

    def sort_key(self):
        return (-self.title_matches, -self.text_matches, -(self.day.toordinal() if self.day else 0), self.title)


def _day(obj):
    value = getattr(obj, "listing_date", None) or getattr(obj, "first_published_at", None) \
        or getattr(obj, "updated_at", None)
    return value.date() if isinstance(value, datetime) else value


def _result(obj, url, kind, parsed):
    full_text = obj.search_text() if hasattr(obj, "search_text") else f"{obj.title} {obj.search_description}"
    title, text = obj.title.lower(), full_text.lower()
    return Result(
        obj=obj, title=obj.title, url=url, kind=kind, text=full_text, day=_day(obj),
        title_matches=sum(any(word.lower() in title for word in alternatives) for alternatives in parsed.terms),
        text_matches=sum(text.count(word.lower()) for word in parsed.words()),
    )


def _page_results(request, parsed, model):
    pages = model.objects.live().public().filter(depth__gt=1).specific()
    for page in pages.search(parsed.search_query())[:MAX_RESULTS]:
        yield _result(page, page.get_url(request), page.specific_class.get_verbose_name(), parsed)


def _snippet_results(request, parsed, model):
    for obj in model.public_for_search().search(parsed.search_query())[:MAX_RESULTS]:
        url = obj.search_result_url(request)
        if url:
            yield _result(obj, url, model._meta.verbose_name, parsed)


def search(request, parsed, model=None):
    """The ranked results for a parsed query, of one registered type or (model None) of all."""
    if not parsed.terms:
        return []
    if model is not None and not issubclass(model, Page):
        results = list(_snippet_results(request, parsed, model))
    else:
        results = list(_page_results(request, parsed, model or Page))
        if model is None:
            for snippet in searchable_snippets():
                results.extend(_snippet_results(request, parsed, snippet))
    return sorted(results, key=Result.sort_key)


def finds_anything(parsed):
    if not parsed.terms:
        return False
    query = parsed.search_query()
    if list(Page.objects.live().public().filter(depth__gt=1).search(query)[:1]):
        return True
    return any(list(model.public_for_search().search(query)[:1]) for model in searchable_snippets())
