from wagtail import hooks

from .models import CampaignPage


@hooks.register("home_page_listings")
def current_campaign():
    return {"campaign": CampaignPage.objects.live().order_by("-year", "-start_date").first()}


@hooks.register("searchable_page_types", order=4)
def searchable_campaigns():
    return CampaignPage
