"""What each audience of a public game receives: frames after a change, snapshots on connect.

Players and the big screen never receive a frame naming the correct answer before the reveal;
the host does.
"""
from django.db.models import Count, Q

from contests.live.clock import server_time_ms
from contests.rules import public_game as rules
from core.ranking import place

from .models import Player, PlayerAnswer, PublicGame
from .state import game_config, game_state, played_questions

TOP_SIZE = 10


def game_header(game, now=None):
    state = game_state(game)
    return {
        "id": game.pk,
        "title": game.title,
        "pin": game.pin,
        "phase": state.phase_at(server_time_ms() if now is None else now).value,
        "index": game.current_index,
        "count": len(played_questions(game.pk)),
        "opens_at": game.opens_at_ms,
        "deadline": game.deadline_ms,
        "question_on_screen_only": game.question_on_screen_only,
        "podium_size": game.podium_size,
        "sound": game.sound_on,
        "speed_counts": game.speed_counts,
    }


def question_frames(game):
    """The question for the screen, the phones and the host (only the host's names the answer)."""
    played = played_questions(game.pk)[game.current_index]
    base = {"type": "game.question", "version": game.version, "game": game_header(game)}
    phone_question = dict(played.public)
    if game.question_on_screen_only:
        phone_question["stem"] = ""
    return {
        "screen": {**base, "question": played.public},
        "players": {**base, "question": phone_question},
        "host": {**base, "question": played.public, "correct": played.reveal["correct"]},
    }


def distribution(game, index):
    rows = PlayerAnswer.objects.filter(game=game, question_index=index).values("choice").annotate(n=Count("pk"))
    return {row["choice"]: row["n"] for row in rows}


def reveal_frame(game):
    played = played_questions(game.pk)[game.current_index]
    votes = distribution(game, game.current_index)
    return {
        "type": "game.reveal",
        "version": game.version,
        "game": game_header(game),
        "question": played.public,
        **played.reveal,
        "distribution": votes,
        "answered": sum(votes.values()),
    }


def follows_contest(game):
    """A hall's game: the audience game of a contest (contests/hall links them as `game.hall`)."""
    return getattr(game, "hall", None) is not None


def host_actions(game, now=None):
    """What the host may do now, from the rules' transition logic (docs/protocol.md). A hall's
    game is run from its contest's console: its own console keeps the draw, kicks and prizes."""
    actions = rules.host_actions(game_state(game), game_config(game), server_time_ms() if now is None else now)
    if follows_contest(game):
        actions = {key: [command for command in value if command == "draw"] if isinstance(value, list) else value
                   for key, value in actions.items()}
        if actions.get("primary") != "draw":
            actions["primary"] = None
    return actions


def ranking_of(game, players):
    """The rules' ranking of `players` (not kicked ones), with the game's "speed counts" setting."""
    return rules.ranking(((p.pk, p.score, p.total_ms) for p in players if not p.kicked), by_time=game.speed_counts)


def podium_of(game):
    """The game's winners: within the podium size, never a player without points."""
    players = Player.objects.filter(game=game, kicked=False).only("pk", "score", "total_ms")
    return rules.podium(
        ((p.pk, p.score, p.total_ms) for p in players), game.podium_size, by_time=game.speed_counts
    )


def result_frames(game, players, answers):
    """Each ranked phone's own result of the question just revealed, by player id."""
    ranked = ranking_of(game, players)
    streaks = {p.pk: p.streak for p in players}
    personal = {}
    for entry in ranked:
        answer = answers.get(entry.player_id)
        personal[entry.player_id] = {
            "type": "player.result",
            "version": game.version,
            "index": game.current_index,
            "choice": answer.choice if answer else None,
            "correct": bool(answer and answer.correct),
            "points": answer.points if answer else 0,
            "score": entry.score,
            "rank": entry.rank,
            "players": len(ranked),
            "streak": streaks[entry.player_id],
        }
    return personal


def top_players(game, size=TOP_SIZE):
    players = Player.objects.filter(game=game, kicked=False).only("pk", "nickname", "score", "total_ms")
    by_id = {player.pk: player for player in players}
    ranked = ranking_of(game, players)
    return [
        {"rank": entry.rank, "nickname": by_id[entry.player_id].nickname, "score": entry.score}
        for entry in ranked
        if entry.rank <= size
    ], len(by_id)


def rank_of(player):
    """The player's place: ahead are players with more points, or as many in less total time."""
    ahead = Q(score__gt=player.score)
    if player.game.speed_counts:
        ahead |= Q(score=player.score, total_ms__lt=player.total_ms)
    return place(Player.objects.filter(game_id=player.game_id, kicked=False).filter(ahead).count())


def leaderboard_frame(game):
    top, total = top_players(game)
    return {"type": "game.leaderboard", "version": game.version, "game": game_header(game), "top": top, "players": total}


def finished_frame(game):
    """The end: the top 10 and the podium's winners (players with points only)."""
    winners = podium_of(game)
    nicknames = dict(Player.objects.filter(pk__in=[entry.player_id for entry in winners]).values_list("pk", "nickname"))
    podium = [{"rank": entry.rank, "nickname": nicknames[entry.player_id], "score": entry.score} for entry in winners]
    return {**leaderboard_frame(game), "type": "game.finished", "podium_size": game.podium_size, "podium": podium}


def prize_frame(prize):
    return {"type": "player.prize", "reason": prize.reason, "code": prize.code, "redeemed": prize.redeemed_at is not None}


def draw_frame(draw):
    winners = Player.objects.filter(pk__in=draw.winner_ids).in_bulk()
    return {
        "type": "game.draw",
        "draw": draw.pk,
        "seed": draw.seed,
        "eligible": len(draw.eligible_ids),
        "min_correct": draw.min_correct,
        "winners": [winners[pk].nickname for pk in draw.winner_ids if pk in winners],
    }


# Snapshots -------------------------------------------------------------------------------
def _phase_part(game):
    """The parts of a snapshot every audience shares, for the current phase."""
    part = {"version": game.version, "game": game_header(game)}
    if game.phase == PublicGame.Phase.QUESTION:
        part["question"] = question_frames(game)["screen"]["question"]
    elif game.phase in (PublicGame.Phase.REVEALED, PublicGame.Phase.LEADERBOARD) or (
        game.phase == PublicGame.Phase.FINISHED and game.current_index >= 0
    ):
        part["reveal"] = reveal_frame(game)
    if game.phase in (PublicGame.Phase.LEADERBOARD, PublicGame.Phase.FINISHED):
        part["top"] = leaderboard_frame(game)["top"]
    if game.phase == PublicGame.Phase.FINISHED:
        part["podium"] = finished_frame(game)["podium"]
    return part


def screen_snapshot(game_id):
    game = PublicGame.objects.get(pk=game_id)
    part = _phase_part(game)
    part["players"] = Player.objects.filter(game=game, kicked=False).count()
    part["answered"] = PlayerAnswer.objects.filter(game=game, question_index=game.current_index).count()
    last_draw = game.draws.last()
    if last_draw:
        part["draw"] = {key: value for key, value in draw_frame(last_draw).items() if key != "seed"}
    return part


def host_snapshot(game_id):
    part = screen_snapshot(game_id)
    game = PublicGame.objects.get(pk=game_id)
    part["actions"] = host_actions(game)
    last_draw = game.draws.last()
    if last_draw:
        part["draw"] = draw_frame(last_draw)  # the host keeps the seed
    if game.current_index >= 0:
        part["correct"] = played_questions(game_id)[game.current_index].reveal["correct"]
    part["roster"] = [
        {"id": p.pk, "nickname": p.nickname, "score": p.score, "kicked": p.kicked, "phone": p.masked_phone}
        for p in Player.objects.filter(game=game).order_by("-score", "total_ms", "pk")[:500]
    ]
    return part


def visitor_snapshot(game):
    """What a phone that has not joined sees: whether the game still takes players (no query)."""
    return {"version": game.version, "game": game_header(game)}


def _players_part(game):
    """The part of a phone's snapshot every player shares."""
    part = _phase_part(game)
    if "question" in part and game.question_on_screen_only:
        part["question"] = question_frames(game)["players"]["question"]
    return part


def _player_view(part, player, rank, players, answer, prizes):
    me = {
        "id": player.pk,
        "nickname": player.nickname,
        "score": player.score,
        "rank": rank,
        "players": players,
        "choice": answer.choice if answer else None,
        "streak": player.streak,
    }
    if answer and answer.points is not None:
        me.update(points=answer.points, correct=answer.correct)
    return {**part, "me": me, "prizes": [prize_frame(prize) for prize in prizes]}


def player_snapshot(player_id):
    player = Player.objects.select_related("game").get(pk=player_id)
    game = player.game
    answer = PlayerAnswer.objects.filter(player=player, question_index=game.current_index).first()
    players = Player.objects.filter(game=game, kicked=False).count()
    return _player_view(_players_part(game), player, rank_of(player), players, answer, player.prizes.all())


def joined_snapshots(game, new_players):
    """The snapshots of players who have just joined ([(id, nickname)]; no score, answer or prize
    yet), built from one shared part and two counts: (players in the game, {id: snapshot})."""
    part = _players_part(game)
    players = Player.objects.filter(game=game, kicked=False).count()
    new_player = Player(game=game, score=0, total_ms=0)  # no points, no streak, no time yet
    rank = rank_of(new_player)
    snapshots = {}
    for player_id, nickname in new_players:  # one instance for all: a model's __init__ per player is not free
        new_player.pk, new_player.nickname = player_id, nickname
        snapshots[player_id] = _player_view(part, new_player, rank, players, None, ())
    return players, snapshots
