"""Staff see every attempt at the online quizzes, filter them and download them as a spreadsheet."""
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views.generic import IndexView

from core.exports.formula_safety import safe_cell

from .attempts import Attempt


class AttemptIndexView(IndexView):
    # Visitor-typed text that a spreadsheet would run as a formula is made inert in the CSV (the
    # Excel export already stores it as a string).
    custom_field_preprocess = {field: {"csv": safe_cell} for field in ("name", "unit")}


class AttemptViewSet(ModelViewSet):
    model = Attempt
    icon = "list-ol"
    menu_label = _("Online quiz results")
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = AttemptIndexView
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
