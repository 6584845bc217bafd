from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnlineQuizConfig(AppConfig):
    name = "onlinequiz"
    verbose_name = _("Online quiz")
    default_auto_field = "django.db.models.BigAutoField"
