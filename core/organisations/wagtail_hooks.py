from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .membership import DECIDE_ACTION
from .views import OrganisationViewSetGroup


@hooks.register("register_admin_viewset")
def register_organisations():
    return OrganisationViewSetGroup()


@hooks.register("register_log_actions")
def register_membership_actions(actions):
    actions.register_action(DECIDE_ACTION, _("Unit membership decided"), _("Unit membership decided"))
