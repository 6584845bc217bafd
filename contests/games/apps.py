from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GamesConfig(AppConfig):
    name = "contests.games"
    label = "games"
    verbose_name = _("Public games")
