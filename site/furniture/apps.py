from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FurnitureConfig(AppConfig):
    name = "furniture"
    verbose_name = _("Site furniture")
