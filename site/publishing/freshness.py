"""Sections (栏目: the index and listing pages) not updated for FRESHNESS_DAYS days, the rule of the
State Council's website inspections.

A section's last update is the newest publication among itself and its live descendants; a
section whose content is not pages (the listed hazards) says so with `content_updated_at()`.
"""
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Page, get_page_models

from base.models import SectionPage


@dataclass
class Section:
    page: Page
    updated_at: datetime | None
    days: int | None  # since the last update; None when never published

    @property
    def stale(self):
        return self.days is None or self.days >= settings.FRESHNESS_DAYS


def section_models():
    return [model for model in get_page_models() if issubclass(model, SectionPage) and not model._meta.abstract]


def last_update(page):
    own = getattr(page, "content_updated_at", None)
    newest = [page.last_published_at, own() if own else None]
    newest.append(Page.objects.live().descendant_of(page).aggregate(newest=Max("last_published_at"))["newest"])
    return max((moment for moment in newest if moment), default=None)


def sections(now=None):
    """Every live section, the longest without an update first."""
    now = now or timezone.now()
    pages = Page.objects.live().type(*section_models()).specific().order_by("path")
    found = []
    for page in pages:
        updated_at = last_update(page)
        found.append(Section(page, updated_at, (now - updated_at).days if updated_at else None))
    return sorted(found, key=lambda section: (section.days is not None, -(section.days or 0)))


def stale_sections(now=None):
    return [section for section in sections(now) if section.stale]
