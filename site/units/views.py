from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from base.reviewed_snippets import ReviewedCreateView, ReviewedSnippetViewSet

from .models import Nomination


class NominationCreateView(ReviewedCreateView):
    def save_instance(self):
        self.form.instance.nominated_by = self.request.user
        return super().save_instance()


class NominationViewSet(ReviewedSnippetViewSet):
    """Nominations (先进典型推荐), reviewed through the 法制审核 workflow assigned to this snippet; a
    reviewer's approval publishes them (which drafts the unit's page), never the publish button."""

    model = Nomination
    icon = "pick"
    menu_label = _("Nominations")
    add_to_admin_menu = True
    menu_order = 220
    admin_url_namespace = "nominations"
    base_url_path = "nominations"
    add_view_class = NominationCreateView
    list_display = ["unit_name", "venue", Column("nominated_by", label=_("nominated by")), "created_at", "unit_page"]
    list_filter = ["venue", "live"]
    inspect_view_enabled = True
