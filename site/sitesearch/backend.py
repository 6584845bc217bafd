"""Wagtail's database search backend with queries segmented like the index (core/segmentation.py).

Configured as the default backend, so the public search, the admin's search and the choosers
all segment Chinese the same way on SQLite and PostgreSQL.
"""
from wagtail.search.backends.database import SearchBackend as database_backend

from core.segmentation import segment_query


class SegmentedQueryMixin:
    def search(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        if isinstance(query, str):
            query, operator = segment_query(query), operator or "and"
        return super().search(query, model_or_queryset, fields, operator, order_by_relevance)

    def autocomplete(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        if isinstance(query, str):
            query, operator = segment_query(query), operator or "and"
        return super().autocomplete(query, model_or_queryset, fields, operator, order_by_relevance)


_classes = {}


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name
    base = type(database_backend(params))
    if base not in _classes:
        _classes[base] = type(f"Segmented{base.__name__}", (SegmentedQueryMixin, base), {})
    return _classes[base](params)
