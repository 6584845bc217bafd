from django.utils import timezone
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
