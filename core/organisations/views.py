from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button

from .import_page import RegistryImportView, RegistryTemplateView
from .models import Membership, Region, Town, Unit


class RegionViewSet(ModelViewSet):
    model = Region
    url_prefix = "organisations/regions"
    icon = "globe"
    form_fields = ["name", "sort_order"]
    list_display = ["name", "initials"]
    search_fields = ["name", "initials", "pinyin"]


class TownViewSet(ModelViewSet):
    model = Town
    url_prefix = "organisations/towns"
    icon = "site"
    form_fields = ["region", "name", "sort_order"]
    list_display = ["name", "region", "initials"]
    list_filter = ["region"]
    search_fields = ["name", "initials", "pinyin"]


class UnitIndexView(IndexView):
    import_url_name = None  # set by the viewset
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(Button(gettext("Import from Excel/CSV"), url=reverse(self.import_url_name),
                                  icon_name="upload", priority=80))
        return buttons


class UnitViewSet(ModelViewSet):
    model = Unit
    index_view_class = UnitIndexView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(import_url_name=self.get_url_name("import"), **kwargs)
    url_prefix = "organisations/units"
    icon = "group"
    form_fields = ["town", "name", "venue", "headcount", "sort_order"]
    list_display = ["name", "town", "venue", "headcount"]
    list_filter = ["town", "venue"]
    search_fields = ["name", "initials", "pinyin"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("import/", RegistryImportView.as_view(viewset=self), name="import"),
            path("import/template/", RegistryTemplateView.as_view(viewset=self), name="import_template"),
        ]


class MembershipViewSet(ModelViewSet):
    """Staff verify or refuse who belongs to which unit, and make a verified member the unit's contact.
    The same permission (change_membership) lets staff decide on the public requests page."""

    model = Membership
    url_prefix = "organisations/memberships"
    icon = "user"
    form_fields = ["status", "contact"]
    list_display = ["user", "unit", "status", "contact", "requested_at"]
    list_filter = ["status", "contact"]
    search_fields = ["user__username", "user__phone", "unit__name"]
    add_view_enabled = False


class OrganisationViewSetGroup(ModelViewSetGroup):
    items = (RegionViewSet, TownViewSet, UnitViewSet, MembershipViewSet)
    menu_label = _("Organisation registry")
    menu_icon = "group"
    menu_order = 910
