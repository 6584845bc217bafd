"""Staff look at and download the attempts of the retired cookie quiz (archived by migration 0004);
nobody edits them."""
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views.generic import IndexView
from wagtail.permission_policies import ModelPermissionPolicy

from core.exports.formula_safety import safe_cell

from .records import ArchivedQuizAttempt

WRITES = {"add", "change", "delete"}


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Staff with `view` may look and export; nobody adds, changes or deletes."""

    def user_has_permission(self, user, action):
        return action not in WRITES and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action not in WRITES])


class ArchiveIndexView(IndexView):
    # Visitor-typed text that a spreadsheet would run as a formula is made inert in the CSV (the
    # Excel export already stores it as a string).
    custom_field_preprocess = {field: {"csv": safe_cell} for field in ("name", "unit")}


class ArchiveViewSet(ModelViewSet):
    model = ArchivedQuizAttempt
    icon = "list-ol"
    menu_label = _("Archived online quiz results")
    menu_order = 330
    add_to_admin_menu = True
    index_view_class = ArchiveIndexView
    form_fields = ["name", "unit"]
    list_display = [
        "name", "unit", "page", "score", "max_score", "status", DateColumn("started_at", label=_("started at")),
    ]
    list_filter = ["page", "status"]
    search_fields = ["name", "unit"]
    list_export = ["page", "name", "unit", "score", "max_score", "correct_count", "seconds_taken", "status",
                   "started_at", "submitted_at"]
    export_headings = {"seconds_taken": _("seconds taken")}
    export_filename = "online-quiz-results"
    ordering = ["-started_at"]
