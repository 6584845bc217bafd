"""A batch of answers is one INSERT: second answers are refused, the others stored together."""
import pytest
from django.db import IntegrityError

from contests.games import runner
from contests.games.answers import Answer, store_answers
from contests.games.models import Player, PlayerAnswer, PublicGame
from contests.live.clock import server_time_ms
from contests.live.writer import change_locked


def open_question(game):
    change_locked(PublicGame, game.pk, runner.next_question)
    return PublicGame.objects.get(pk=game.pk)


def test_a_batch_stores_first_answers_refuses_seconds_and_counts(game):
    game = open_question(game)
    ming, hong = (Player.objects.create(game=game, nickname=n, nickname_key=n) for n in ("阿明", "小红"))
    now = server_time_ms()
    results, counts = store_answers([
        Answer(game.pk, ming.pk, 0, "A", now), Answer(game.pk, ming.pk, 0, "B", now),  # every question has A and B
        Answer(game.pk, hong.pk, 0, "B", now), Answer(game.pk, ming.pk, 2, "A", now),
    ])
    assert results[0] is None and results[2] is None
    assert results[1].code == "already_answered" and results[3].code == "not_answering"
    assert counts == {(game.pk, 0): (2, game.version)}  # answers so far, and the version the frame carries
    again, counts = store_answers([Answer(game.pk, hong.pk, 0, "A", now)])  # a later batch
    assert again[0].code == "already_answered" and counts == {(game.pk, 0): (2, game.version)}
    assert sorted(PlayerAnswer.objects.values_list("choice", flat=True)) == ["A", "B"]


def test_a_row_the_database_refuses_fails_the_whole_batch(game):
    game = open_question(game)
    ming = Player.objects.create(game=game, nickname="阿明", nickname_key="阿明")
    now = server_time_ms()
    with pytest.raises(IntegrityError):  # the writer turns this into an error for every answer
        store_answers([Answer(game.pk, ming.pk, 0, "A", now), Answer(game.pk, 999999, 0, "B", now)])
    assert not PlayerAnswer.objects.exists()
