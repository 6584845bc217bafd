from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import Nomination
from .nominations import DRAFTED
from .views import NominationViewSet

register_snippet(NominationViewSet)


@hooks.register("register_log_actions")
def register_nomination_actions(actions):
    actions.register_action(DRAFTED, _("Model unit draft created"), _("Model unit draft created"))


@hooks.register("construct_snippet_action_menu")
def no_publish_button_on_nominations(menu_items, request, context):
    # Matches the views (ApprovalPublishesOnlyMixin): only the workflow's approval publishes.
    if context.get("model") is Nomination:
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
