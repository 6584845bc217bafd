from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = _("Model units")

    def ready(self):
        # Imported here: models can only be loaded once the app registry is ready.
        from base.legal_review import review_pages_of

        from . import nominations  # noqa: F401  (connects the approval signal)
        from .models import ModelUnitIndexPage

        review_pages_of(ModelUnitIndexPage)
