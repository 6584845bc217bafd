"""What the contest's host console and big screen see of the hall's audience game (a `hall`
frame): its PIN and join links, phase, players, leaderboard and draw winners; the host also gets
the hall commands allowed now (contests/rules/hall.py)."""
from django.urls import reverse

from contests.games.frames import ranking_of
from contests.games.models import LuckyDraw, Player, PublicGame
from contests.games.state import game_state
from contests.interunit.frames import contest_state, current_slot
from contests.live.clock import server_time_ms
from contests.rules import hall as rules

from .models import Hall

TOP = 5  # the audience leaderboard's length on the big screen


def situation(contest, hall, game):
    state = contest_state(contest)
    slot = current_slot(contest, state) if hall else None
    return rules.Situation(
        contest_phase=state.phase,
        paper_index=hall.paper_index(slot.pk) if hall and slot else None,
        game_phase=game.phase if game else None,
        game_index=game.current_index if game else -1,
    )


def hall_view(contest, role):
    hall = Hall.objects.filter(contest=contest).select_related("game").first()
    game = hall.game if hall else None
    data = {"type": "hall", "v": 1, "contest_phase": str(contest_state(contest).phase), "hall": None}
    if role == "host":
        data["actions"] = rules.actions(situation(contest, hall, game))
    if game is None:
        return data
    players = list(Player.objects.filter(game=game, kicked=False).only("pk", "nickname", "score", "total_ms", "kicked"))
    names = {player.pk: player.nickname for player in players}
    draw = LuckyDraw.objects.filter(game=game).order_by("-drawn_at", "-pk").first()
    data["hall"] = {
        "pin": game.pin,
        "version": game.version,
        "play_url": reverse("games:play", args=[game.pin]),
        "qr_url": reverse("games:qr", args=[game.pin]),
        "phase": str(game_state(game).phase_at(server_time_ms())),
        "number": game.current_index + 1,
        "questions": len(hall.slot_ids),
        "deadline": game.deadline_ms if game.phase == PublicGame.Phase.QUESTION else None,
        "players": len(players),
        "top": [{"rank": entry.rank, "nickname": names[entry.player_id], "score": entry.score}
                for entry in ranking_of(game, players)[:TOP]],
        "winners": [names.get(winner, "") for winner in draw.winner_ids] if draw else [],
    }
    if role == "host":
        data["hall"]["console_url"] = reverse("games:host", args=[game.pin])
    return data


def hall_frames(contest):
    """{audience: frame} for the hall's groups."""
    return {role: hall_view(contest, role) for role in ("host", "screen")}
