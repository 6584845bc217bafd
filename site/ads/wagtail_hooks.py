from django.utils import timezone
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from base.listings import with_renditions

from .models import AdGalleryPage, PublicServiceAd
from .views import PublicServiceAdViewSet

register_snippet(PublicServiceAdViewSet)


@hooks.register("home_page_listings")
def ads_showing():
    ads = PublicServiceAd.objects.showing(timezone.localdate()).select_related("poster", "video", "video_embed")
    return {"ads_showing": ads.prefetch_related(with_renditions("poster"))[:3]}


@hooks.register("searchable_page_types", order=6)
def searchable_ad_gallery():
    return AdGalleryPage
