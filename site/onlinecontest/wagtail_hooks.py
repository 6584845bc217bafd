from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from . import dashboard
from .archive import ArchiveViewSet, ReadOnlyPolicy
from .records import ArchivedQuizAttempt

register_permission_policy(ArchivedQuizAttempt, ReadOnlyPolicy(ArchivedQuizAttempt), exact_class=True)


@hooks.register("register_admin_viewset")
def archived_quiz_results():
    return ArchiveViewSet("online_quiz_results")


@hooks.register("register_admin_urls")
def dashboard_urls():
    return [
        path("onlinecontest/", dashboard.dashboard_index, name="onlinecontest_dashboards"),
        path("onlinecontest/<int:page_id>/", dashboard.dashboard, name="onlinecontest_dashboard"),
        path("onlinecontest/<int:page_id>/participants.xlsx", dashboard.export_participants,
             name="onlinecontest_export_participants"),
        path("onlinecontest/<int:page_id>/attempts.xlsx", dashboard.export_attempts, name="onlinecontest_export_attempts"),
    ]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return dashboard.allowed(request.user)


@hooks.register("register_admin_menu_item")
def dashboard_menu_item():
    return DashboardMenuItem(_("Online contest dashboard"), reverse("onlinecontest_dashboards"), icon_name="table",
                             order=320)
