"""Durable answer storage for public games: one transaction per batch of answers (group commit).

Every answer is checked against the game row, locked for the batch, so an answer cannot slip in
after the reveal has scored the question; the unique constraint (player, question) is the one
guard against a second answer, even from two processes at once.
"""
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone

from channels.db import database_sync_to_async
from django.db import IntegrityError, transaction

from contests.live.batching import BatchWriter
from contests.live.fanout import broadcast
from contests.rules import public_game as rules

from .models import PlayerAnswer, PublicGame
from .play import game_key, game_state


@dataclass(frozen=True)
class Answer:
    game_id: int
    player_id: int
    index: int
    choice: str
    arrived_ms: int  # server time when the frame arrived: the answer's time


def store_answers(answers):
    """Store a batch; returns per answer None (stored and committed) or the GameError refusing it."""
    results = [None] * len(answers)
    by_game = defaultdict(list)
    for position, answer in enumerate(answers):
        by_game[answer.game_id].append(position)
    with transaction.atomic():
        for game_id, positions in by_game.items():
            game = PublicGame.objects.select_for_update().get(pk=game_id)
            state = game_state(game)
            rows = []
            for position in positions:
                answer = answers[position]
                try:
                    elapsed = state.check_answer(answer.index, answer.arrived_ms)
                except rules.GameError as error:
                    results[position] = error
                    continue
                rows.append((position, PlayerAnswer(
                    game_id=game_id, player_id=answer.player_id, question_index=answer.index,
                    choice=answer.choice, elapsed_ms=elapsed,
                    answered_at=datetime.fromtimestamp(answer.arrived_ms / 1000, tz=timezone.utc),
                )))
            _insert(rows, results)
    return results


def _insert(rows, results):
    try:
        with transaction.atomic():
            PlayerAnswer.objects.bulk_create([row for _, row in rows])
    except IntegrityError:
        # Somebody answered twice (two sockets, two processes): insert one by one to find out who.
        for position, row in rows:
            try:
                with transaction.atomic():
                    row.save(force_insert=True)
            except IntegrityError:
                results[position] = rules.GameError("already_answered", "you have answered this question")


async def announce_counts(answers, results):
    """Tell the screen and the host how many answers are in (one small frame per batch and game)."""
    stored = defaultdict(set)
    for answer, result in zip(answers, results):
        if result is None:
            stored[answer.game_id].add(answer.index)
    for game_id, indexes in stored.items():
        for index in indexes:
            count = await _count(game_id, index)
            frame = {"type": "game.answered", "index": index, "answered": count}
            await broadcast(game_key(game_id), {"screen": frame, "host": frame})


@database_sync_to_async
def _count(game_id, index):
    return PlayerAnswer.objects.filter(game_id=game_id, question_index=index).count()


writer = BatchWriter(store_answers, after=announce_counts)
