from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import ListedHazard
from .views import ListedHazardViewSet

register_snippet(ListedHazardViewSet)


@hooks.register("searchable_snippets", order=7)
def searchable_hazards():
    return ListedHazard
