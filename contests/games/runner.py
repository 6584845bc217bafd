"""Run what players and hosts do to a public game: load the game's state, apply the rules
(contests/rules/public_game.py), store the Outcome, and return the frames to send.

Host commands run on the game row locked by `run` (one transaction); they return the frames by
audience and, for some, personal frames by player id, to send after the commit. Answers take
the batched path instead (answers.py), through the same `rules.apply`.
"""
import secrets

from django.utils import timezone

from contests.live.clock import server_time_ms
from contests.live.storage import insert_once, update_rows
from contests.live.writer import change_locked
from contests.rules import public_game as rules
from contests.rules.refusal import Refusal

from . import frames
from .models import LuckyDraw, Player, PlayerAnswer, Prize, PublicGame
from .state import game_config, game_state, played_questions


def run(game_id, command, *args):
    """Run a host command (a function of this module taking the game row) on the locked row; the
    host's frame carries the actions allowed after it."""
    return change_locked(PublicGame, game_id, lambda game: with_host_actions(game, command(game, *args)))


def with_host_actions(game, result):
    by_audience, personal = result if isinstance(result, tuple) else (result, None)
    if "host" in by_audience:
        by_audience = {**by_audience, "host": {**by_audience["host"], "actions": frames.host_actions(game)}}
    return by_audience if personal is None else (by_audience, personal)


def _apply(game, role, command, args=None, now=None):
    return rules.apply(
        game_state(game), game_config(game), role, command, args, server_time_ms() if now is None else now
    )


def _store_state(game, outcome):
    game.apply_state(outcome.state)
    game.version += 1
    game.save()


# Joining ---------------------------------------------------------------------------------
def join(game_id, nickname, phone=""):
    """Create a player (late joining included); returns (player, frame for screen and host)."""
    game = PublicGame.objects.get(pk=game_id)
    outcome = _apply(game, rules.Role.PLAYER, "join", {"nickname": nickname})
    phone = clean_phone(phone)
    # The unique constraint (game, nickname key) decides between two phones taking one name.
    player, created = insert_once(
        Player, game=game, nickname=outcome.nickname, nickname_key=rules.nickname_key(outcome.nickname), phone=phone
    )
    if not created:
        raise Refusal("nickname_taken", "this nickname is already taken in this game")
    count = Player.objects.filter(game=game, kicked=False).count()
    return player, {"type": "game.joined", "version": game.version, "nickname": player.nickname, "players": count}


def forget_player(player_id):
    """Undo a join whose token never reached the phone."""
    Player.objects.filter(pk=player_id).delete()


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


# Host commands (each on the locked game row) ----------------------------------------------
def next_question(game, now=None, index=None, from_contest=False):
    """Start the next question, or the later question `index`. A hall's game (one following a
    contest, contests/hall) starts questions only from its contest's console (`from_contest`)."""
    _check_console(game, from_contest)
    _store_state(game, _apply(game, rules.Role.HOST, "next", None if index is None else {"index": index}, now=now))
    return frames.question_frames(game)


def _check_console(game, from_contest):
    if frames.follows_contest(game) and not from_contest:
        raise Refusal("follows_contest", "this audience game follows its contest: run it from the contest console")


def reveal(game, now=None, from_contest=False):
    """Close answering, score every answer of the question, and tell each phone its result."""
    _check_console(game, from_contest)
    outcome = _apply(game, rules.Role.HOST, "reveal", now=now)
    _store_state(game, outcome)
    players = list(Player.objects.filter(game=game))
    answers = {a.player_id: a for a in PlayerAnswer.objects.filter(game=game, question_index=outcome.scored)}
    correct = played_questions(game.pk)[outcome.scored].reveal["correct"]
    rules.book_question(game.scoring(), players, answers, correct, outcome.state.answer_window_ms())
    update_rows(players, ["score", "streak", "correct_count", "total_ms"])
    update_rows(answers.values(), ["points", "correct"])
    frame = frames.reveal_frame(game)
    return {"screen": frame, "players": frame, "host": frame}, frames.result_frames(game, players, answers)


def show_leaderboard(game):
    _check_console(game, False)
    _store_state(game, _apply(game, rules.Role.HOST, "leaderboard"))
    frame = frames.leaderboard_frame(game)
    return {"screen": frame, "players": {**frame, "top": frame["top"][:3]}, "host": frame}


def finish(game, from_contest=False):
    """End the game; the podium's players (never one without points) get their prize codes."""
    _check_console(game, from_contest)
    _store_state(game, _apply(game, rules.Role.HOST, "finish"))
    personal = {}
    for entry in frames.podium_of(game):
        prize, _ = Prize.objects.get_or_create(game=game, player_id=entry.player_id, reason=Prize.Reason.PODIUM)
        personal[entry.player_id] = frames.prize_frame(prize)
    frame = frames.finished_frame(game)
    return {"screen": frame, "players": frame, "host": frame}, personal


def set_sound(game, on):
    """Switch the big screen's sounds on (1) or off (0)."""
    game.sound_on = bool(on)
    game.version += 1
    game.save(update_fields=["sound_on", "version"])
    frame = {"type": "game.sound", "version": game.version, "game": frames.game_header(game)}
    return {"screen": frame, "host": frame}


def kick(game, player_id):
    updated = Player.objects.filter(game=game, pk=player_id, kicked=False).update(kicked=True)
    if not updated:
        raise Refusal("unknown_player", "no such player in this game")
    game.version += 1
    game.save(update_fields=["version"])
    count = Player.objects.filter(game=game, kicked=False).count()
    frame = {"type": "game.kicked", "version": game.version, "player": player_id, "players": count}
    return {"screen": frame, "host": frame}, {player_id: {"type": "player.kicked", "message": "removed"}}


def lucky_draw(game, count, min_correct, user=None, seed=None):
    """Draw winners among players with at least `min_correct` correct answers, within the game's
    draw pool and repeat rule; logged with its seed (the host and the export see it, the big
    screen does not)."""
    _apply(game, rules.Role.HOST, "draw")
    if not (isinstance(count, int) and isinstance(min_correct, int)) or count < 1 or min_correct < 0:
        raise Refusal("bad_draw", "count must be at least 1 and the threshold not negative")
    eligible = rules.draw_pool(
        Player.objects.filter(game=game, kicked=False, correct_count__gte=min_correct).values_list("pk", flat=True),
        podium_ids=[entry.player_id for entry in frames.podium_of(game)],
        prize_holder_ids=Prize.objects.filter(game=game).values_list("player_id", flat=True),
        rules=game.draw_rules(),
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
        personal[winner] = frames.prize_frame(prize)
    game.version += 1
    game.save(update_fields=["version"])
    frame = {**frames.draw_frame(draw), "version": game.version}
    public = {key: value for key, value in frame.items() if key != "seed"}
    return {"screen": public, "players": public, "host": frame}, personal


def redeem(game_id, code, user=None):
    """Mark a prize code redeemed; a code works once (a conditional update, not read-then-write).
    Returns the host's reply and, by player id, the winner's phone's new prize frame."""
    code = "".join(str(code or "").split()).upper()
    updated = Prize.objects.filter(game_id=game_id, code=code, redeemed_at=None).update(
        redeemed_at=timezone.now(), redeemed_by=user
    )
    prize = Prize.objects.select_related("player").filter(game_id=game_id, code=code).first()
    if prize is None:
        raise Refusal("unknown_code", "no prize with this code in this game")
    if not updated:
        raise Refusal("already_redeemed", "this code has already been redeemed")
    reply = {
        "type": "prize.redeemed", "code": prize.code, "nickname": prize.player.nickname,
        "reason": prize.reason, "phone": prize.player.masked_phone,
    }
    return reply, {prize.player_id: frames.prize_frame(prize)}
