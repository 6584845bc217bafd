from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import CampaignArea, Venue


class TermViewSet(ModelViewSet):
    form_fields = ["name", "description"]
    list_display = ["name", "code", "description"]
    search_fields = ["name", "code"]


class VenueViewSet(TermViewSet):
    model = Venue
    icon = "home"
    menu_label = _("Venues (七进)")


class CampaignAreaViewSet(TermViewSet):
    model = CampaignArea
    icon = "flag"
    menu_label = _("Campaign areas (七大攻坚战)")


class TaxonomyViewSetGroup(ModelViewSetGroup):
    items = (VenueViewSet, CampaignAreaViewSet)
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 900
