from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from .models import Nomination


class ApprovalPublishesOnlyMixin:
    """A nomination goes live by a reviewer's 法制审核 approval only (which drafts its page), never
    by the publish button, although reviewers hold the publish permission the approval needs."""

    def get_available_actions(self):
        return [action for action in super().get_available_actions() if action != "publish"]


class NominationCreateView(ApprovalPublishesOnlyMixin, CreateView):
    def save_instance(self):
        self.form.instance.nominated_by = self.request.user
        return super().save_instance()


class NominationEditView(ApprovalPublishesOnlyMixin, EditView):
    pass


class NominationViewSet(SnippetViewSet):
    """Nominations (先进典型推荐), reviewed through the 法制审核 workflow assigned to this snippet."""

    model = Nomination
    icon = "pick"
    menu_label = _("Nominations")
    add_to_admin_menu = True
    menu_order = 220
    admin_url_namespace = "nominations"
    base_url_path = "nominations"
    add_view_class = NominationCreateView
    edit_view_class = NominationEditView
    list_display = ["unit_name", "venue", Column("nominated_by", label=_("nominated by")), "created_at", "unit_page"]
    list_filter = ["venue", "live"]
    inspect_view_enabled = True
