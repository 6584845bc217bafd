from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Violation cases")

    def ready(self):
        # Imported here: models can only be loaded once the app registry is ready.
        from base.legal_review import review_pages_of

        from .models import CaseIndexPage

        review_pages_of(CaseIndexPage)
