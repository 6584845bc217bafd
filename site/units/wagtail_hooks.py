from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from base.listings import with_renditions

from .models import ModelUnitPage
from .nominations import DRAFTED
from .views import NominationViewSet

register_snippet(NominationViewSet)


@hooks.register("register_log_actions")
def register_nomination_actions(actions):
    actions.register_action(DRAFTED, _("Model unit draft created"), _("Model unit draft created"))


@hooks.register("home_page_listings")
def model_units():
    units = ModelUnitPage.objects.live().select_related("venue", "photo").prefetch_related(with_renditions("photo"))
    return {"model_units": units.order_by("venue__sort_order", "title")[:7]}


@hooks.register("searchable_page_types", order=5)
def searchable_model_units():
    return ModelUnitPage
