from django.conf import settings
from wagtail.admin.ui.components import Component

from .freshness import sections


class FreshnessPanel(Component):
    """The dashboard's list of sections not updated for FRESHNESS_DAYS days."""

    name = "freshness"
    order = 90
    template_name = "publishing/freshness_panel.html"

    def get_context_data(self, parent_context=None):
        found = sections()
        return {"stale": [section for section in found if section.stale], "count": len(found),
                "days": settings.FRESHNESS_DAYS}
