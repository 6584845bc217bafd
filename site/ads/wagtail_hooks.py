from wagtail.snippets.models import register_snippet

from .views import PublicServiceAdViewSet

register_snippet(PublicServiceAdViewSet)
