from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorksConfig(AppConfig):
    name = "works"
    verbose_name = _("Safety-culture works")

    def ready(self):
        from wagtail.signals import page_published

        from .models import WorksResultsPage
        from .results import freeze_on_publish

        page_published.connect(freeze_on_publish, sender=WorksResultsPage, dispatch_uid="works-freeze-results")
