"""Listings gathered from the content apps through Wagtail hooks, so that base imports none of them.

- `home_page_listings`: a function of no argument returning {context name: listing} for the home
  page (a fixed number of each, with images and terms fetched up front);
- `campaign_page_listings`: a function of a campaign page returning {context name: listing}.
"""
from django.db.models import Prefetch
from wagtail import hooks
from wagtail.images import get_image_model


def with_renditions(field):
    """Prefetch the renditions of an image foreign key so srcset images cost no extra queries."""
    return Prefetch(f"{field}__renditions", queryset=get_image_model().get_rendition_model().objects.all())


def gather(hook_name, *args):
    listings = {}
    for listing in hooks.get_hooks(hook_name):
        listings.update(listing(*args))
    return listings


def home_listings():
    return gather("home_page_listings")


def campaign_listings(campaign):
    return gather("campaign_page_listings", campaign)
