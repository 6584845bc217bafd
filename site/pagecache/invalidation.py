"""What retires the cached pages: a page published, unpublished, moved or deleted, and any change
to content pages show without being pages themselves (snippets, taxonomy terms, images,
documents, site settings, sites). Pages gather lists from each other (the home page, listings,
related items), so one change retires every page rather than guessing which ones show it.
"""
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from . import generation

# Apps whose rows pages show beside their own fields: terms, images, documents, the registry, and
# the moderated rows public pages list (accepted works and their votes, accepted demonstration
# sites, bulletin figures, hazard reports' statuses and counts).
CONTENT_APPS = {
    "taxonomy", "wagtailimages", "wagtaildocs", "organisations", "works", "demosites", "bulletin", "reports",
}
# Live things pages link to (the "running now" strip, an event's game link turning into its results):
# saved once per host command, never per join or answer (those are bulk writes without signals).
CONTENT_MODELS = {"contests.contest", "games.publicgame"}
HISTORICAL_MODULE = "__fake__"  # the models data migrations work with: no cache yet


def shown_on_pages(model):
    if model.__module__ == HISTORICAL_MODULE:
        return False
    if issubclass(model, (Page, Site, BaseSiteSetting, BaseGenericSetting)):
        return True
    meta = model._meta
    return meta.app_label in CONTENT_APPS or meta.label_lower in CONTENT_MODELS or model in get_snippet_models()


def _retire(**kwargs):
    generation.bump()


def _on_row_change(sender, **kwargs):
    # Page rows too: a page created live (demo loaders, imports) is never "published". A
    # draft saved on a live page retires the pages as well: rare, and never stale.
    if not kwargs.get("raw") and shown_on_pages(sender):  # not while fixtures are loaded
        generation.bump()


def connect():
    page_published.connect(_retire, dispatch_uid="pagecache-published")
    page_unpublished.connect(_retire, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_retire, dispatch_uid="pagecache-moved")
    post_save.connect(_on_row_change, dispatch_uid="pagecache-saved")
    post_delete.connect(_on_row_change, dispatch_uid="pagecache-deleted")
