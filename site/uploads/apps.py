from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image


class UploadsConfig(AppConfig):
    name = "uploads"
    verbose_name = _("Uploads")

    def ready(self):
        # Pillow refuses to decode images over twice this many pixels, wherever it is used
        # (uploads, renditions, images inside imported spreadsheets), not only in Wagtail's form.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
