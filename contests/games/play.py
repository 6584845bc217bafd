"""What players and hosts do to a public game, persisted, and the frames each audience receives.

Synchronous code (the consumers call it through the live layer's `achange_locked` or
`database_sync_to_async`). Host actions run on the locked game row and return the frames to
broadcast after the commit. Players and the big screen never receive a frame naming the correct
answer before the reveal; the host does.
"""
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.db.models import Count, Q
from django.utils import timezone

from contests.live.clock import server_time_ms
from contests.live.storage import insert_once, update_rows
from contests.rules import public_game as rules
from contests.rules.refusal import Refusal

from .models import LuckyDraw, Player, PlayerAnswer, Prize, PublicGame

TOP_SIZE = 10
BLOCKLIST = Path(__file__).with_name("nickname_blocklist.txt")


def game_key(game_id):
    return f"game-{game_id}"


@lru_cache(maxsize=1)
def banned_words():
    lines = BLOCKLIST.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class PlayedQuestion:
    public: dict  # what everybody may see before the reveal
    reveal: dict  # the correct labels and the explanation
    labels: str
    multiple: bool


@lru_cache(maxsize=64)
def played_questions(game_id):
    """The game's questions in order; fixed once the game exists, so cached per process."""
    game = PublicGame.objects.get(pk=game_id)
    return tuple(
        PlayedQuestion(
            public=question.public_payload(),
            reveal=question.reveal_payload(),
            labels="".join(option["label"] for option in question.public_payload()["options"]),
            multiple=question.kind == question.Kind.MULTIPLE,
        )
        for question in game.ordered_questions()
    )


# Frames ----------------------------------------------------------------------------------
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
    }


def game_state(game):
    return rules.GameState(
        question_count=len(played_questions(game.pk)), stored_phase=game.phase, index=game.current_index,
        opens_at=game.opens_at_ms, deadline=game.deadline_ms,
    )


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


def top_players(game, size=TOP_SIZE):
    players = Player.objects.filter(game=game, kicked=False).only("pk", "nickname", "score", "total_ms")
    by_id = {player.pk: player for player in players}
    ranked = rules.ranking((player.pk, player.score, player.total_ms) for player in players)
    return [
        {"rank": entry.rank, "nickname": by_id[entry.player_id].nickname, "score": entry.score}
        for entry in ranked
        if entry.rank <= size
    ], len(by_id)


def rank_of(player):
    """1 + players ahead (more points, or as many in less total time); ties share a rank."""
    ahead = Player.objects.filter(game_id=player.game_id, kicked=False).filter(
        Q(score__gt=player.score) | Q(score=player.score, total_ms__lt=player.total_ms)
    )
    return ahead.count() + 1


def leaderboard_frame(game):
    top, total = top_players(game)
    return {"type": "game.leaderboard", "version": game.version, "game": game_header(game), "top": top, "players": total}


def prize_frame(prize):
    return {"type": "player.prize", "reason": prize.reason, "code": prize.code, "redeemed": prize.redeemed_at is not None}


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
    return part


def screen_snapshot(game_id):
    game = PublicGame.objects.get(pk=game_id)
    part = _phase_part(game)
    part["players"] = Player.objects.filter(game=game, kicked=False).count()
    part["answered"] = PlayerAnswer.objects.filter(game=game, question_index=game.current_index).count()
    last_draw = game.draws.last()
    if last_draw:
        part["draw"] = draw_frame(last_draw)
    return part


def host_snapshot(game_id):
    part = screen_snapshot(game_id)
    game = PublicGame.objects.get(pk=game_id)
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


def join_and_snapshot(game_id, nickname, phone=""):
    """`join`, then the new player's snapshot, in one trip to the database thread."""
    player, frame = join(game_id, nickname, phone)
    return player, frame, player_snapshot(player.pk)


def player_snapshot(player_id):
    player = Player.objects.select_related("game").get(pk=player_id)
    game = player.game
    part = _phase_part(game)
    if "question" in part and game.question_on_screen_only:
        part["question"] = question_frames(game)["players"]["question"]
    answer = PlayerAnswer.objects.filter(player=player, question_index=game.current_index).first()
    part["me"] = {
        "id": player.pk,
        "nickname": player.nickname,
        "score": player.score,
        "rank": rank_of(player),
        "players": Player.objects.filter(game=game, kicked=False).count(),
        "choice": answer.choice if answer else None,
    }
    if answer and answer.points is not None:
        part["me"].update(points=answer.points, correct=answer.correct)
    part["prizes"] = [prize_frame(prize) for prize in player.prizes.all()]
    return part


# Joining ---------------------------------------------------------------------------------
def join(game_id, nickname, phone=""):
    """Create a player (late joining included); returns (player, frame for screen and host)."""
    game = PublicGame.objects.get(pk=game_id)
    game_state(game).check_join()
    name = rules.clean_nickname(nickname, banned_words=banned_words())
    key = rules.nickname_key(name)
    phone = clean_phone(phone)
    # The unique constraint (game, nickname key) decides between two phones taking one name.
    player, created = insert_once(Player, game=game, nickname=name, nickname_key=key, phone=phone)
    if not created:
        raise Refusal("nickname_taken", "this nickname is already taken in this game")
    count = Player.objects.filter(game=game, kicked=False).count()
    return player, {"type": "game.joined", "nickname": player.nickname, "players": count}


def clean_phone(phone):
    phone = "".join((phone or "").split())
    if phone and not (phone.isdigit() and 7 <= len(phone) <= 15):
        raise Refusal("bad_phone", "a phone number has 7 to 15 digits")
    return phone


def player_for_token(game_id, token):
    player = Player.objects.filter(game_id=game_id, token=token).first()
    if player is None:
        raise Refusal("unknown_player", "this device is not in the game; join again")
    if player.kicked:
        raise Refusal("kicked", "the host removed this player")
    return player


# Host actions (each runs on the locked game row; returns frames by audience) ------------
def _transition(game, change):
    """Apply one rules transition to the locked game row and save it with a new version."""
    state = game_state(game)
    change(state)
    game.apply_state(state)
    game.version += 1
    game.save()
    return state


def next_question(game, now=None):
    _transition(game, lambda state: state.start_question(
        server_time_ms() if now is None else now,
        reading_ms=game.reading_seconds * 1000, answer_ms=game.answer_seconds * 1000,
    ))
    return question_frames(game)


def reveal(game, now=None):
    """Close answering, score every answer of the question, and tell each phone its result."""
    state = _transition(game, lambda state: state.reveal(server_time_ms() if now is None else now))
    played = played_questions(game.pk)[game.current_index]
    scoring = game.scoring()
    players = list(Player.objects.filter(game=game))
    answers = {a.player_id: a for a in PlayerAnswer.objects.filter(game=game, question_index=game.current_index)}
    for player in players:
        answer = answers.get(player.pk)
        points = rules.book_answer(
            scoring, player, answer and answer.choice, answer and answer.elapsed_ms,
            played.reveal["correct"], state.answer_window_ms(),
        )
        if answer:
            answer.points = points
            answer.correct = rules.is_correct(answer.choice, played.reveal["correct"])
    update_rows(players, ["score", "streak", "correct_count", "total_ms"])
    update_rows(answers.values(), ["points", "correct"])
    frame = reveal_frame(game)
    ranked = rules.ranking((p.pk, p.score, p.total_ms) for p in players if not p.kicked)
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
        }
    return {"screen": frame, "players": frame, "host": frame}, personal


def show_leaderboard(game):
    _transition(game, rules.GameState.show_leaderboard)
    frame = leaderboard_frame(game)
    return {"screen": frame, "players": {**frame, "top": frame["top"][:3]}, "host": frame}


def finish(game):
    """End the game; the podium's players get their prize codes."""
    _transition(game, rules.GameState.finish)
    players = list(Player.objects.filter(game=game, kicked=False))
    podium = rules.podium(((p.pk, p.score, p.total_ms) for p in players), game.podium_size)
    personal = {}
    for entry in podium:
        if entry.score > 0:
            prize, _ = Prize.objects.get_or_create(game=game, player_id=entry.player_id, reason=Prize.Reason.PODIUM)
            personal[entry.player_id] = prize_frame(prize)
    frame = {**leaderboard_frame(game), "type": "game.finished", "podium_size": game.podium_size}
    return {"screen": frame, "players": frame, "host": frame}, personal


def kick(game, player_id):
    updated = Player.objects.filter(game=game, pk=player_id, kicked=False).update(kicked=True)
    if not updated:
        raise Refusal("unknown_player", "no such player in this game")
    game.version += 1
    game.save(update_fields=["version"])
    count = Player.objects.filter(game=game, kicked=False).count()
    frame = {"type": "game.kicked", "version": game.version, "player": player_id, "players": count}
    return {"screen": frame, "host": frame}, {player_id: {"type": "player.kicked", "message": "removed"}}


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


def lucky_draw(game, count, min_correct, user=None, seed=None):
    """Draw winners among players with at least `min_correct` correct answers; logged with its seed."""
    if not (isinstance(count, int) and isinstance(min_correct, int)) or count < 1 or min_correct < 0:
        raise Refusal("bad_draw", "count must be at least 1 and the threshold not negative")
    eligible = list(
        Player.objects.filter(game=game, kicked=False, correct_count__gte=min_correct).values_list("pk", flat=True)
    )
    if not eligible:
        raise Refusal("nobody_eligible", "no player meets the threshold")
    seed = seed or secrets.token_hex(8)
    winners = rules.lucky_draw(eligible, count, seed)
    draw = LuckyDraw.objects.create(
        game=game, seed=seed, count=count, min_correct=min_correct, eligible_ids=sorted(eligible),
        winner_ids=winners, drawn_by=user,
    )
    personal = {}
    for winner in winners:
        prize = Prize.objects.create(game=game, player_id=winner, draw=draw, reason=Prize.Reason.DRAW)
        personal[winner] = prize_frame(prize)
    game.version += 1
    game.save(update_fields=["version"])
    frame = {**draw_frame(draw), "version": game.version}
    return {"screen": frame, "players": frame, "host": frame}, personal


def redeem(game_id, code, user=None):
    """Mark a prize code redeemed; a code works once (a conditional update, not read-then-write)."""
    code = "".join(str(code or "").split()).upper()
    updated = Prize.objects.filter(game_id=game_id, code=code, redeemed_at=None).update(
        redeemed_at=timezone.now(), redeemed_by=user
    )
    prize = Prize.objects.select_related("player").filter(game_id=game_id, code=code).first()
    if prize is None:
        raise Refusal("unknown_code", "no prize with this code in this game")
    if not updated:
        raise Refusal("already_redeemed", "this code has already been redeemed")
    return {
        "type": "prize.redeemed", "code": prize.code, "nickname": prize.player.nickname,
        "reason": prize.reason, "phone": prize.player.masked_phone,
    }
