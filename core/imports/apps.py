from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    """No models: an app so that its words have a catalog (locale/)."""

    name = "core.imports"
    label = "imports"
    verbose_name = _("Spreadsheet imports")
