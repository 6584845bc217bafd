from wagtail import hooks

from .models import ViolationCasePage


def newest_cases():
    return ViolationCasePage.objects.live().select_related("area").order_by("-decision_date", "-pk")


@hooks.register("home_page_listings")
def latest_cases():
    return {"latest_cases": newest_cases()[:4]}


@hooks.register("campaign_page_listings")
def cases_of_the_campaign(campaign):
    return {"cases": newest_cases().filter(decision_date__range=(campaign.start_date, campaign.end_date))[:6]}


@hooks.register("searchable_page_types", order=2)
def searchable_cases():
    return ViolationCasePage
