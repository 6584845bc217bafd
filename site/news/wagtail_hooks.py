from wagtail import hooks

from base.listings import with_renditions

from .models import ArticlePage


@hooks.register("home_page_listings")
def latest_news():
    articles = ArticlePage.objects.live().order_by("-date", "-pk")
    return {"latest_news": articles.select_related("lead_image").prefetch_related(with_renditions("lead_image"))[:4]}


@hooks.register("campaign_page_listings")
def news_of_the_campaign(campaign):
    period = (campaign.start_date, campaign.end_date)
    return {"news": ArticlePage.objects.live().filter(date__range=period).order_by("-date", "-pk")[:6]}


@hooks.register("searchable_page_types", order=1)
def searchable_articles():
    return ArticlePage
