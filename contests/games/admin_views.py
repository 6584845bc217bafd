"""Public games in the Wagtail admin: the list (status, PIN, event, players), a game's players and
prizes (phones masked), and links to the host console, big screen, results and exports.
Games are created from the host console form (questions drawn by a mix or picked by hand)."""
import django_filters
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Page

from quizzes.papers import describe_requirement

from contests.staff import scope_viewset

from .forms import GameAdminForm
from .models import PublicGame


def game_links(game):
    """(label, url, icon) of the pages a host runs the game from."""
    links = [
        (_("Host console"), reverse("games:host", args=[game.pin]), "desktop"),
        (_("Big screen"), reverse("games:screen", args=[game.pin]), "view"),
    ]
    if game.phase == PublicGame.Phase.FINISHED:
        links.append((_("Results"), reverse("games:results", args=[game.pin]), "list-ol"))
    links += [
        (_("Export per player"), reverse("games:export_players", args=[game.pin]), "download"),
        (_("Export per question"), reverse("games:export_questions", args=[game.pin]), "download"),
    ]
    return links


class PublicGameFilterSet(WagtailFilterSet):
    phase = django_filters.ChoiceFilter(label=pgettext_lazy("public game", "status"), choices=PublicGame.Phase.choices)
    event_page = django_filters.ModelChoiceFilter(
        label=_("event page"), queryset=Page.objects.filter(pk__in=PublicGame.objects.values("event_page")),
    )

    class Meta:
        model = PublicGame
        fields = ["phase", "event_page", "scoring_mode"]


class PublicGameIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event_page").annotate(player_count=Count("players"))

    def get_add_url(self):
        if self.user_has_permission("add"):
            return reverse("games:host_games")

    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + [
            MenuItem(label, url=url, icon_name=icon, priority=40 + order)
            for order, (label, url, icon) in enumerate(game_links(instance))
        ]


class PublicGameInspectView(InspectView):
    template_name = "games/admin/inspect.html"

    @property
    def header_more_buttons(self):
        return super().header_more_buttons + [
            HeaderButton(label, url=url, icon_name=icon, priority=40 + order)
            for order, (label, url, icon) in enumerate(game_links(self.object))
        ]

    def get_mix_display_value(self):
        if not self.object.mix:
            return _("picked by hand")
        return "；".join(
            _("%(count)s × %(what)s") % {"count": requirement["count"], "what": describe_requirement(requirement)}
            for requirement in self.object.mix
        )

    def get_event_page_display_value(self):
        return self.object.event_page or "-"

    def get_question_on_screen_only_display_value(self):
        return _("yes") if self.object.question_on_screen_only else _("no")

    def get_speed_counts_display_value(self):
        return _("yes") if self.object.speed_counts else _("no")

    def get_draw_repeat_display_value(self):
        return _("yes") if self.object.draw_repeat else _("no")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["players"] = self.object.players.all()
        context["prizes"] = self.object.prizes.select_related("player", "redeemed_by")
        context["question_count"] = self.object.game_questions.count()
        return context


class AnyPublicGameViewSet(ModelViewSet):
    model = PublicGame
    icon = "pick"
    menu_label = _("Public games")
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = PublicGameIndexView
    inspect_view_class = PublicGameInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "title", "pin", "phase", "event_page", "bank", "mix", "draw_seed", "scoring_mode", "points", "streak_bonus",
        "wrong_penalty", "podium_size", "reading_seconds", "answer_seconds", "question_on_screen_only",
        "speed_counts", "draw_pool", "draw_repeat", "organiser", "owner", "created_by", "created_at",
    ]
    # Only what can change safely while a game runs; everything else is fixed at creation.
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("event_page"), FieldPanel("owner"), FieldPanel("cohosts")],
        base_form_class=GameAdminForm,
    )
    copy_view_enabled = False  # a game is created with its questions, by the host console's form
    list_display = [
        "title", "pin", Column("phase", label=pgettext_lazy("public game", "status"), accessor="get_phase_display", sort_key="phase"),
        "event_page", Column("player_count", label=_("players"), sort_key="player_count"),
        DateColumn("created_at", label=_("created at")),
    ]
    filterset_class = PublicGameFilterSet
    search_fields = ["title", "pin"]
    search_backend_name = None  # not an indexed model: search title and PIN in the database
    ordering = ["-created_at"]

    @property
    def add_view(self):
        """Creating a game means drawing its questions: the host console's form does that."""
        return lambda request: redirect("games:host_games")


# A host sees and acts on the games he runs only (PublicGame.objects.hosted_by).
PublicGameViewSet = scope_viewset(AnyPublicGameViewSet, PublicGame.objects.hosted_by)
