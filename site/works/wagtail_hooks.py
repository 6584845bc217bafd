from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from .admin_views import EntryViewSet, VoteViewSet, VotesReadOnly, anomalies
from .entries import Vote
from .voting import VOID_ACTION

register_permission_policy(Vote, VotesReadOnly(Vote))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [EntryViewSet("works_entries"), VoteViewSet("works_votes")]


@hooks.register("register_admin_urls")
def anomaly_urls():
    return [path("works/anomalies/", anomalies, name="works_anomalies")]


class AnomaliesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("works.change_vote")


@hooks.register("register_admin_menu_item")
def anomalies_menu_item():
    return AnomaliesMenuItem(_("Vote anomalies"), reverse("works_anomalies"), icon_name="warning", order=232)


@hooks.register("register_log_actions")
def register_void_action(actions):
    actions.register_action(VOID_ACTION, _("Vote voided"), _("Vote voided"))
