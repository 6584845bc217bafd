"""The home page's listings: a fixed number of each, with images and terms fetched up front."""
from django.utils import timezone
from wagtail.images import get_image_model


def with_renditions(field):
    """Prefetch the renditions of an image foreign key so srcset images cost no extra queries."""
    from django.db.models import Prefetch

    return Prefetch(f"{field}__renditions", queryset=get_image_model().get_rendition_model().objects.all())


def home_listings():
    from ads.models import PublicServiceAd
    from campaigns.models import CampaignPage
    from cases.models import ViolationCasePage
    from events.models import EventPage
    from news.models import ArticlePage
    from units.models import ModelUnitPage

    today = timezone.localdate()
    return {
        "campaign": CampaignPage.objects.live().order_by("-year", "-start_date").first(),
        "latest_news": ArticlePage.objects.live().order_by("-date", "-pk")
        .select_related("lead_image").prefetch_related(with_renditions("lead_image"))[:4],
        "upcoming_events": EventPage.objects.live().filter(end__gte=timezone.now()).order_by("start")[:3],
        "latest_cases": ViolationCasePage.objects.live().select_related("area").order_by("-decision_date", "-pk")[:4],
        "ads_showing": PublicServiceAd.objects.showing(today)
        .select_related("poster", "video", "video_embed").prefetch_related(with_renditions("poster"))[:3],
        "model_units": ModelUnitPage.objects.live().select_related("venue", "photo")
        .prefetch_related(with_renditions("photo")).order_by("venue__sort_order", "title")[:7],
    }
