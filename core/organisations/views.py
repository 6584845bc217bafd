from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import Region, Town, Unit


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


class UnitViewSet(ModelViewSet):
    model = Unit
    url_prefix = "organisations/units"
    icon = "group"
    form_fields = ["town", "name", "venue", "headcount", "sort_order"]
    list_display = ["name", "town", "venue", "headcount"]
    list_filter = ["town", "venue"]
    search_fields = ["name", "initials", "pinyin"]


class OrganisationViewSetGroup(ModelViewSetGroup):
    items = (RegionViewSet, TownViewSet, UnitViewSet)
    menu_label = _("Organisation registry")
    menu_icon = "group"
    menu_order = 910
