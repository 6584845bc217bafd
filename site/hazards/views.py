from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ListedHazard


class ListedHazardViewSet(SnippetViewSet):
    model = ListedHazard
    icon = "warning"
    menu_label = _("Listed hazards")
    add_to_admin_menu = True
    menu_order = 230
    list_display = ["title", "responsible_unit", "deadline", "status"]
    list_filter = ["status", "area"]
