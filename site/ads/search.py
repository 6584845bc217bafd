"""The gallery page is found by its ads' words: re-index it whenever an ad changes."""
from wagtail.search import index


def reindex_gallery(sender, instance, **kwargs):
    from .models import AdGalleryPage

    for gallery in AdGalleryPage.objects.live():
        index.insert_or_update_object(gallery)
