"""Pages of public games: join by PIN, the phone, the big screen, the host console, results, exports."""
from functools import wraps
from io import BytesIO
from urllib.parse import urlencode

import segno
from django.contrib.auth.decorators import login_required, user_passes_test
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.accounts.roles import HOSTS, in_group

from contests.live.address_limits import TooManyAttempts, request_address

from . import pin_guard
from .export_xlsx import per_player_workbook, per_question_workbook, question_rows, workbook_response
from .forms import GameForm, PinForm
from .frames import top_players
from .models import PublicGame


def is_host(user):
    return in_group(user, HOSTS)


host_required = user_passes_test(is_host)


def too_many_attempts(request):
    return render(request, "games/too_many_attempts.html", {"minutes": pin_guard.PIN_GUARD.window_minutes}, status=429)


def game_by_pin(view):
    """Look the game of the URL's PIN up for `view(request, game, ...)`: an unknown PIN counts as
    a failed guess of the client's address, and an address past the limit gets 429 for any PIN."""

    @wraps(view)
    def guarded(request, pin, *args, **kwargs):
        held = pin in pin_guard.passes(request.COOKIES)
        passed = held or pin_guard.is_qr_key(pin, request.GET.get(pin_guard.QR_KEY_PARAMETER))
        try:
            game = pin_guard.find_game(pin, request_address(request), passed=passed)
        except TooManyAttempts:
            return too_many_attempts(request)
        if game is None:
            raise Http404("no game with this PIN")
        response = view(request, game, *args, **kwargs)
        if not held:
            pin_guard.grant(response, request.COOKIES, game.pin)
        return response

    return guarded


def hosted_game(view):
    """`game_by_pin` for the pages of a game's hosts: a host who does not run this game gets 403."""

    @login_required
    @host_required
    @game_by_pin
    @wraps(view)
    def checked(request, game, *args, **kwargs):
        if not game.is_hosted_by(request.user):
            raise PermissionDenied
        return view(request, game, *args, **kwargs)

    return checked


def join(request):
    """Enter a PIN (what a phone gets without the QR code)."""
    form = PinForm(request.GET or None)
    if form.is_valid():
        try:
            game = pin_guard.find_game(form.cleaned_data["pin"], request_address(request))
        except TooManyAttempts:
            return too_many_attempts(request)
        if game is not None:
            response = redirect("games:play", pin=game.pin)
            pin_guard.grant(response, request.COOKIES, game.pin)
            return response
        form.add_error("pin", _("No game has this PIN. Check the number on the big screen."))
    return render(request, "games/join.html", {"form": form})


@game_by_pin
def play_page(request, game):
    return render(request, "games/play.html", {"game": game})


def join_url(request, game):
    return request.build_absolute_uri(reverse("games:play", args=[game.pin]))


@game_by_pin
def screen(request, game):
    # Read off the screen, a short address plus the PIN is easier to type than the game's link.
    pin_entry_url = request.build_absolute_uri(reverse("games:join"))
    return render(request, "games/screen.html", {"game": game, "pin_entry_url": pin_entry_url})


@game_by_pin
def qr_code(request, game):
    # The QR link carries the PIN's key: a phone scanning it is never refused (pin_guard).
    url = f"{join_url(request, game)}?{urlencode({pin_guard.QR_KEY_PARAMETER: pin_guard.qr_key(game.pin)})}"
    buffer = BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=8, border=2, dark="#1a1a1a")
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@login_required
@host_required
@require_http_methods(["GET", "POST"])
def host_games(request):
    """The host's list of games and the form to create one from a bank."""
    form = GameForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.created_by = form.instance.owner = request.user
        game = form.save()
        return redirect("games:host", pin=game.pin)
    games = PublicGame.objects.hosted_by(request.user).select_related("bank")[:50]
    return render(request, "games/host_games.html", {"form": form, "games": games})


def draw_rules_text(game):
    """The game's lucky-draw settings in a sentence, for the host console."""
    repeat = _("a player may win more than one prize") if game.draw_repeat else _("one prize code per person")
    return _("Drawn among: %(pool)s; %(repeat)s.") % {"pool": game.get_draw_pool_display(), "repeat": repeat}


@hosted_game
def host_console(request, game):
    return render(
        request, "games/host.html", {"game": game, "join_url": join_url(request, game), "draw_rules": draw_rules_text(game)}
    )


@game_by_pin
def results(request, game):
    """The published results of a finished game: podium, top 10 and each question's figures."""
    if game.phase != PublicGame.Phase.FINISHED:
        raise Http404("the game is not finished")
    top, total = top_players(game)
    questions = question_rows(game)
    return render(request, "games/results.html", {"game": game, "top": top, "total": total, "questions": questions})


@hosted_game
def export_players(request, game):
    return workbook_response(per_player_workbook(game), f"game-{game.pin}-players.xlsx")


@hosted_game
def export_questions(request, game):
    return workbook_response(per_question_workbook(game), f"game-{game.pin}-questions.xlsx")
