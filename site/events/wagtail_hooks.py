from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import EventPage


@hooks.register("home_page_listings")
def upcoming_events():
    return {"upcoming_events": EventPage.objects.live().filter(end__gte=timezone.now()).order_by("start")[:3]}


@hooks.register("campaign_page_listings")
def events_of_the_campaign(campaign):
    return {"events": EventPage.objects.live().descendant_of(campaign).order_by("start")}


@hooks.register("searchable_page_types", order=3)
def searchable_events():
    return EventPage


@hooks.register("site_menu_items")
def events_in_the_menu():
    """活动: the activities of the campaign of the newest event (events live under their campaign)."""
    newest = EventPage.objects.live().public().order_by("-start").first()
    if newest is None:
        return []
    return [{"title": _("Events"), "url": newest.get_parent().url + "#activities"}]
