from wagtail.snippets.models import register_snippet

from .views import ListedHazardViewSet

register_snippet(ListedHazardViewSet)
