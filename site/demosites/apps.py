from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoSitesConfig(AppConfig):
    name = "demosites"
    verbose_name = _("Education demonstration sites")
