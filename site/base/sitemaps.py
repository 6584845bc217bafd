"""Index pages list their non-empty filter pages in sitemap.xml, next to their own URL."""
from django.db.models import Max
from django.db.models.functions import ExtractYear


class FilterPagesInSitemapMixin:
    """For routable index pages: `filter_pages()` yields (URL suffix, lastmod) per non-empty filter."""

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        return urls + [{"location": base + suffix, "lastmod": lastmod} for suffix, lastmod in self.filter_pages()]


def terms_in_use(terms, relation, items):
    """The taxonomy terms tagging any of `items` (through `relation`), each with its items' `lastmod`."""
    return terms.filter(**{f"{relation}__in": items.order_by()}).annotate(
        lastmod=Max(f"{relation}__last_published_at")
    ).order_by("sort_order")


def years_in_use(items, date_field):
    """[(year, lastmod)] of `items` by the year of `date_field`, newest year first."""
    rows = items.order_by().annotate(year=ExtractYear(date_field)).values("year").annotate(lastmod=Max("last_published_at"))
    return [(row["year"], row["lastmod"]) for row in rows.order_by("-year")]
