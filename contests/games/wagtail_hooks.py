"""The admin for public games, and links from the CMS to them (the CMS never imports contests)."""
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from .admin_views import PublicGameViewSet
from .models import PublicGame


@hooks.register("register_admin_viewset")
def register_public_games():
    return PublicGameViewSet("public_games")


@hooks.register("event_links")
def event_links(page):
    """The games of an event page: join while it is open, the results once it has finished."""
    links = []
    for game in PublicGame.objects.filter(event_page=page):
        if game.phase == PublicGame.Phase.FINISHED:
            links.append({"title": game.title, "url": reverse("games:results", args=[game.pin]), "label": _("Results")})
        else:
            links.append({"title": game.title, "url": reverse("games:play", args=[game.pin]), "label": _("Join the game")})
    return links


@hooks.register("site_menu_items")
def menu_items():
    """有奖答题: the public games' join page, in the site's menu and site map."""
    return [{"title": _("Prize quiz"), "url": reverse("games:join")}]
