"""Run the hall's commands from the contest's host console: lock the contest row (its phase
cannot change meanwhile) and the audience game's row, check the hall's rules
(contests/rules/hall.py), then run the public game's own command (contests/games/runner.py).

Returns what to send: the game's frames by audience, the phones' personal frames, and the
hall's frames for the contest's host console and big screen.
"""
from django.utils.translation import gettext as _

from contests.games import runner as games
from contests.games.models import GameQuestion, PublicGame
from contests.interunit.models import Contest, RoundQuestion
from contests.live.writer import change_locked
from contests.rules import hall as rules
from contests.rules.refusal import Refusal

from .frames import hall_frames, situation
from .models import Hall


def run(contest_id, command, user, args=None):
    """-> (game id or None, game frames by audience, personal frames by player id, hall frames)."""
    args = args or {}

    def change(contest):
        hall = Hall.objects.filter(contest=contest).first()
        game = PublicGame.objects.select_for_update().get(pk=hall.game_id) if hall else None
        now_situation = situation(contest, hall, game)
        rules.check(command, now_situation)
        if command == "create":
            hall = create(contest, user)
            result = {}
        elif command == "open":
            result = games.next_question(game, index=now_situation.paper_index, from_contest=True)
        elif command == "reveal":
            result = games.reveal(game, from_contest=True)
        elif command == "finish":
            result = games.finish(game, from_contest=True)
        else:
            result = games.lucky_draw(game, args.get("count"), args.get("min_correct"), user)
        by_audience, personal = result if isinstance(result, tuple) else (result, None)
        game = hall.game if game is None else game
        return game.pk, games.with_host_actions(game, by_audience), personal or {}, hall_frames(contest)

    return change_locked(Contest, contest_id, change)


def create(contest, user):
    """The contest's audience game: the contest's questions in play order, run by `user`."""
    slots = [
        slot for rnd in contest.rounds.all()
        for slot in RoundQuestion.objects.filter(round=rnd, question__isnull=False).order_by("order", "pk")
    ]
    if not slots:
        raise Refusal("no_questions", "this contest has no questions the audience could answer")
    game = PublicGame.objects.create(
        title=(_("%(title)s · the audience") % {"title": contest.title})[:120], owner=user, created_by=user,
        organiser=contest.organiser[:80], logo=contest.logo,
    )
    GameQuestion.objects.bulk_create(
        GameQuestion(game=game, question_id=slot.question_id, order=order) for order, slot in enumerate(slots)
    )
    return Hall.objects.create(contest=contest, game=game, slot_ids=[slot.pk for slot in slots])
