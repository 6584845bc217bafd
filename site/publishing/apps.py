from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """The publishing rules inspectors apply: sections kept up to date, no private person's
    identifiers in what is exposed."""

    name = "publishing"
    verbose_name = _("Publishing rules")

    def ready(self):
        from .slugs import connect

        connect()
