from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnlineContestConfig(AppConfig):
    name = "onlinecontest"
    verbose_name = _("Online knowledge contest")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
