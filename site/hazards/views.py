from django.utils.translation import gettext_lazy as _

from base.reviewed_snippets import ReviewedSnippetViewSet

from .models import ListedHazard


class ListedHazardViewSet(ReviewedSnippetViewSet):
    """Listed hazards, published by a 法制审核 approval only."""

    model = ListedHazard
    icon = "warning"
    menu_label = _("Listed hazards")
    add_to_admin_menu = True
    menu_order = 230
    list_display = ["title", "responsible_unit", "deadline", "status"]
    list_filter = ["status", "area", "live"]
