from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HallConfig(AppConfig):
    name = "contests.hall"
    label = "hall"
    verbose_name = _("The hall plays along")

    def ready(self):
        from contests.interunit import extensions

        from .guards import hall_closed_before_reveal
        from .labels import error_labels

        # The contest's host console and big screen show the hall's panel; the contest's answer
        # is not shown while the hall may still answer.
        extensions.register_panel("host", "hall/host_panel.html")
        extensions.register_panel("screen", "hall/screen_panel.html")
        extensions.register_guard(hall_closed_before_reveal)
        extensions.register_error_labels(error_labels)
