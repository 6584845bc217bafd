"""Words in Wagtail's upload errors that its Chinese catalogue leaves in English.

This app comes before Wagtail in INSTALLED_APPS, so its catalogue supplies the translation.
"""
from django.utils.translation import gettext_noop

# In "This file has too many pixels (%(num_pixels)s)" when Pillow refuses a decompression bomb.
UNKNOWN_NUMBER = gettext_noop("unknown number")
