from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .headline import latest_bulletin_headline
from .records import FIGURE_NAMES, MonthlyFigures


class MonthlyFiguresViewSet(ModelViewSet):
    """Staff record a month's figures per campaign area and town."""

    model = MonthlyFigures
    icon = "table"
    menu_label = _("Monthly figures")
    url_prefix = "bulletin/figures"
    add_to_admin_menu = True
    menu_order = 250
    form_fields = ["month", "area", "town", *FIGURE_NAMES]
    list_display = ["month", "town", "area", "inspections", "hazards_found", "cases_filed", "fines_yuan"]
    list_filter = ["month", "town", "area"]


@hooks.register("register_admin_viewset")
def register_viewset():
    return MonthlyFiguresViewSet("monthly_figures")


@hooks.register("headline_figures")
def bulletin_headline(request):
    return latest_bulletin_headline(request)
