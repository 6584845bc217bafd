from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContestsConfig(AppConfig):
    name = "contests.interunit"
    # The label the app had at contests/: tables, migrations and permissions keep their names.
    label = "contests"
    verbose_name = _("Live contests")
