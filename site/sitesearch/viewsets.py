from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    """Editors keep the synonyms of the public search (Snippets → 同义词)."""

    model = SynonymGroup
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["words"]
    search_fields = ["words"]
    search_backend_name = None  # the few groups are searched in the database
