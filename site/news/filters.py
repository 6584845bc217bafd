"""The news index's combinable filters: venue, campaign area and year.

Each combination has one shareable path, the segments always in this order:
``venue/<code>/area/<code>/year/<yyyy>/`` (any of them left out).
"""
from dataclasses import dataclass, replace

from django.shortcuts import get_object_or_404
from django.utils.translation import pgettext_lazy

from core.taxonomy.models import CampaignArea, Venue

PATH_PATTERN = r"^(?:venue/(?P<venue>[-\w]+)/)?(?:area/(?P<area>[-\w]+)/)?(?:year/(?P<year>[0-9]{4})/)?$"
ANY = pgettext_lazy("news filter", "Any")


@dataclass(frozen=True)
class NewsFilters:
    venue: Venue | None = None
    area: CampaignArea | None = None
    year: int | None = None

    @classmethod
    def from_path(cls, venue=None, area=None, year=None):
        """The filters a path names; an unknown venue or area is a 404."""
        return cls(
            venue=get_object_or_404(Venue, code=venue) if venue else None,
            area=get_object_or_404(CampaignArea, code=area) if area else None,
            year=int(year) if year else None,
        )

    def path(self):
        return "".join([
            f"venue/{self.venue.code}/" if self.venue else "",
            f"area/{self.area.code}/" if self.area else "",
            f"year/{self.year}/" if self.year else "",
        ])

    def apply(self, articles):
        if self.venue:
            articles = articles.filter(venues=self.venue)
        if self.area:
            articles = articles.filter(areas=self.area)
        if self.year:
            articles = articles.filter(date__year=self.year)
        return articles

    def labels(self):
        return [str(value) for value in (self.venue, self.area, self.year) if value]

    def links(self, index_url, name, options):
        """One filter group's links, each keeping the other active filters: "any" first, then the options."""
        current = getattr(self, name)
        choices = [(ANY, None), *((str(option), option) for option in options)]
        return [
            {"label": label, "url": index_url + replace(self, **{name: value}).path(), "current": value == current}
            for label, value in choices
        ]
