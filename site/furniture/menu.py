"""Public features that are not pages (the public game's join page, search): the menu and the site map list them."""
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks


def extra_menu_items(with_hooks=True):
    """[{title, url}] after the page sections: what the `site_menu_items` hooks add, then search.

    Error pages pass with_hooks=False: they render outside the request's thread and must not query."""
    items = []
    for fn in hooks.get_hooks("site_menu_items") if with_hooks else []:
        items.extend(fn())
    items.append({"title": _("Search"), "url": reverse("search")})
    return items
