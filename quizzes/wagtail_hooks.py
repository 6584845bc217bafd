from wagtail.snippets.models import register_snippet

from .views import QuizzesViewSetGroup

register_snippet(QuizzesViewSetGroup)
