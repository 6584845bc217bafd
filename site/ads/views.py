from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PublicServiceAd


class PublicServiceAdViewSet(SnippetViewSet):
    model = PublicServiceAd
    icon = "media"
    menu_label = _("Public-service ads")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["title", "starts_on", "ends_on", "shown_at"]
    list_filter = ["starts_on"]
