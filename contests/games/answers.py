"""Durable answer storage for public games: one transaction per batch of answers (group commit).

Every answer is checked by the rules (`rules.apply`) against the game row, locked for the batch,
so an answer cannot slip in after the reveal has scored the question; the unique constraint
(player, question) is the one guard against a second answer, even from two processes at once. A batch is one multi-row
`INSERT ... ON CONFLICT DO NOTHING RETURNING`: the rows the database refused are the second
answers. The screen's answer count is read in the same transaction, no extra round trip. (A row
the database refuses otherwise, e.g. a deleted player, fails the whole batch at the commit, since
foreign keys are checked there: every answer of it gets an error, none is stored.)
"""
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone

from django.db import connection, transaction

from contests.live.batching import BatchWriter
from contests.live.clock import server_time_ms
from contests.live.fanout import broadcast
from contests.rules import public_game as rules
from contests.rules.refusal import Refusal

from .models import PlayerAnswer, PublicGame
from .state import game_config, game_key, game_state

COLUMNS = ("game", "player", "question_index", "choice", "elapsed_ms", "answered_at")


@dataclass(frozen=True)
class Answer:
    game_id: int
    player_id: int
    index: int
    choice: str
    arrived_ms: int  # server time when the frame arrived: the answer's time


def already_answered():
    return Refusal("already_answered", "you have answered this question")


def store_answers(answers):
    """Store a batch: per answer None (stored and committed) or the Refusal refusing it, and
    {(game id, question index): (answers stored so far, game version)} for the questions the batch touched."""
    results = [None] * len(answers)
    by_game = defaultdict(list)
    for position, answer in enumerate(answers):
        by_game[answer.game_id].append(position)
    counts = {}
    with transaction.atomic():
        for game_id, positions in by_game.items():
            game = PublicGame.objects.select_for_update().get(pk=game_id)
            state, config = game_state(game), game_config(game)
            rows = {}  # (player, question) -> (position, values); a second one in the batch is refused
            for position in positions:
                answer = answers[position]
                args = {"index": answer.index, "choice": answer.choice}
                try:
                    outcome = rules.apply(state, config, rules.Role.PLAYER, "answer", args, answer.arrived_ms)
                except Refusal as error:
                    results[position] = error
                    continue
                key = (answer.player_id, answer.index)
                if key in rows:
                    results[position] = already_answered()
                    continue
                answered_at = datetime.fromtimestamp(answer.arrived_ms / 1000, tz=timezone.utc)
                rows[key] = position, (
                    game_id, answer.player_id, answer.index, outcome.answer["choice"], outcome.answer["elapsed_ms"],
                    connection.ops.adapt_datetimefield_value(answered_at),
                )
            if rows:
                _insert(rows, results)
                for index in {index for _, index in rows}:
                    counts[game_id, index] = _count(game_id, index), game.version
    return results, counts


def _column(name):
    return connection.ops.quote_name(PlayerAnswer._meta.get_field(name).column)


def _insert(rows, results):
    table = connection.ops.quote_name(PlayerAnswer._meta.db_table)
    columns = ", ".join(_column(name) for name in COLUMNS)
    values = ", ".join(["(" + ", ".join(["%s"] * len(COLUMNS)) + ")"] * len(rows))
    sql = (f"INSERT INTO {table} ({columns}) VALUES {values} "
           f"ON CONFLICT DO NOTHING RETURNING {_column('player')}, {_column('question_index')}")
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for _, row in rows.values() for value in row])
        stored = set(cursor.fetchall())
    for key, (position, _) in rows.items():
        if key not in stored:
            results[position] = already_answered()


def _count(game_id, index):
    return PlayerAnswer.objects.filter(game_id=game_id, question_index=index).count()


async def announce_counts(counts):
    """Tell the screen and the host how many answers are in (one small frame per batch and question)."""
    for (game_id, index), (count, version) in counts.items():
        frame = {"type": "game.answered", "version": version, "sent_at": server_time_ms(), "index": index, "answered": count}
        await broadcast(game_key(game_id), {"screen": frame, "host": frame})


writer = BatchWriter(store_answers, after=announce_counts)
