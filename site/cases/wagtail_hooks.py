from django.db.models import Count, Sum
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


@hooks.register("bulletin_figures")
def cases_of_the_month(first_day, last_day):
    """The monthly bulletin's cases filed and fines, per township, from the published cases."""
    cases = ViolationCasePage.objects.live().filter(decision_date__range=(first_day, last_day))
    return [{"town": row["township"], "cases_filed": row["cases"], "fines_yuan": row["fines"]}
            for row in cases.values("township").annotate(cases=Count("pk"), fines=Sum("fine_yuan")).order_by("township")]
