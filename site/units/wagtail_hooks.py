from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .nominations import DRAFTED
from .views import NominationViewSet

register_snippet(NominationViewSet)


@hooks.register("register_log_actions")
def register_nomination_actions(actions):
    actions.register_action(DRAFTED, _("Model unit draft created"), _("Model unit draft created"))
