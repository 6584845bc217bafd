from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .checklist import Application, ChecklistItem, Inspection


class ChecklistItemViewSet(ModelViewSet):
    """The bureau's checklist: what a demonstration site must have, and the points for each."""

    model = ChecklistItem
    icon = "list-ul"
    url_prefix = "demosites/checklist"
    form_fields = ["text", "points", "sort_order"]
    list_display = ["text", "points", "sort_order"]


class ApplicationViewSet(ModelViewSet):
    model = Application
    icon = "home"
    url_prefix = "demosites/applications"
    form_fields = ["description", "model_unit_page"]
    list_display = ["unit", "venue", "self_score", "outcome", "applied_at"]
    list_filter = ["outcome", "venue"]
    add_view_enabled = False
    inspect_view_enabled = True


class InspectionViewSet(ModelViewSet):
    model = Inspection
    icon = "search"
    url_prefix = "demosites/inspections"
    form_fields = ["notes"]
    list_display = ["application", "inspector", "visited_on", "total", "full_marks", "outcome"]
    list_filter = ["outcome"]
    add_view_enabled = False
    inspect_view_enabled = True


class DemoSitesViewSetGroup(ModelViewSetGroup):
    items = (ChecklistItemViewSet, ApplicationViewSet, InspectionViewSet)
    menu_label = _("Demonstration sites")
    menu_icon = "home"
    menu_order = 240


@hooks.register("register_admin_viewset")
def register_viewsets():
    return DemoSitesViewSetGroup()
