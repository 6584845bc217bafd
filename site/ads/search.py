"""The gallery page is found by its ads' words: re-index it whenever an ad changes."""
from wagtail.search import index

from .models import AdGalleryPage


def reindex_gallery(sender, instance, **kwargs):
    for gallery in AdGalleryPage.objects.live():
        index.insert_or_update_object(gallery)
