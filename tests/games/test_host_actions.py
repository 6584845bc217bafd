"""The host's allowed actions come from the rules in every host frame; winners, draw pool and
repeat rule, and "speed does not count"."""
import pytest
from asgiref.sync import sync_to_async

from contests.games import runner
from contests.games.export_xlsx import per_player_workbook
from contests.games.frames import host_snapshot
from contests.games.models import Player, Prize, PublicGame
from contests.rules import public_game as rules
from contests.rules.refusal import Refusal

from .conftest import connect, game_host, ordered_correct, receive, receive_until, send


def test_actions_follow_the_phases(game):
    actions = host_snapshot(game.pk)["actions"]
    assert actions == {"allowed": ["next", "finish"], "primary": "next", "destructive": ["finish"]}
    steps = [
        (runner.next_question, ["reveal", "finish"], "reveal"),
        (runner.reveal, ["next", "leaderboard", "finish"], "leaderboard"),
        (runner.show_leaderboard, ["next", "finish"], "next"),
    ]
    for command, allowed, primary in steps:
        by_audience = runner.run(game.pk, command)
        by_audience = by_audience[0] if isinstance(by_audience, tuple) else by_audience
        assert by_audience["host"]["actions"]["allowed"] == allowed
        assert by_audience["host"]["actions"]["primary"] == primary
        assert "actions" not in by_audience["screen"]  # only the host's copy carries them
    for _ in range(2):
        runner.run(game.pk, runner.next_question)
        runner.run(game.pk, runner.reveal)
    # After the last question: no next question; the leaderboard, then the end.
    assert host_snapshot(game.pk)["actions"]["allowed"] == ["leaderboard", "finish"]
    runner.run(game.pk, runner.show_leaderboard)
    assert host_snapshot(game.pk)["actions"] == {"allowed": ["finish"], "primary": "finish", "destructive": ["finish"]}
    by_audience, _ = runner.run(game.pk, runner.finish)
    assert by_audience["host"]["actions"] == {"allowed": ["draw"], "primary": "draw", "destructive": []}


def test_the_draw_waits_for_the_end(game):
    Player.objects.create(game=game, nickname="甲", nickname_key="甲")
    with pytest.raises(Refusal) as refused:
        runner.run(game.pk, runner.lucky_draw, 1, 0)
    assert refused.value.code == "bad_phase"


def scored_players(game, scores):
    players = []
    for number, score in enumerate(scores):
        players.append(Player.objects.create(
            game=game, nickname=f"玩家{number}", nickname_key=f"玩家{number}", score=score, correct_count=score // 100,
            total_ms=1000 * (number + 1),
        ))
    return players


def test_a_player_without_points_is_never_a_winner(game):
    scored_players(game, [300, 0, 0])
    by_audience, personal = runner.run(game.pk, runner.finish)
    assert [row["score"] for row in by_audience["screen"]["podium"]] == [300]
    assert len(personal) == 1 and Prize.objects.count() == 1


def test_the_draw_leaves_out_podium_winners_and_gives_one_code_per_person(game):
    players = scored_players(game, [500, 400, 300, 200, 100])
    runner.run(game.pk, runner.finish)
    _, personal = runner.run(game.pk, runner.lucky_draw, 10, 0)
    assert set(personal) == {players[3].pk, players[4].pk}  # the podium (three) is not drawn again
    with pytest.raises(Refusal) as refused:  # nobody left: every player holds one prize code
        runner.run(game.pk, runner.lucky_draw, 1, 0)
    assert refused.value.code == "nobody_eligible"
    assert sorted(Prize.objects.values_list("player_id", flat=True)) == sorted(p.pk for p in players)


def test_the_draw_pool_and_repeat_rule_are_settings(game):
    game.draw_pool, game.draw_repeat = PublicGame.DrawPool.EVERYONE, True
    game.save()
    scored_players(game, [500, 400])
    runner.run(game.pk, runner.finish)
    for _ in range(3):
        _, personal = runner.run(game.pk, runner.lucky_draw, 2, 0)
        assert len(personal) == 2
    assert Prize.objects.filter(reason=Prize.Reason.DRAW).count() == 6


def test_speed_does_not_count():
    scoring = rules.Scoring(mode=rules.ScoringMode.FIXED, points=100, speed_counts=False)
    with pytest.raises(ValueError):
        rules.Scoring(mode=rules.ScoringMode.SPEED, speed_counts=False)
    entries = [("slow", 200, 9000), ("fast", 200, 1000), ("third", 100, 10)]
    assert [(r.player_id, r.rank) for r in rules.ranking(entries, by_time=False)] == [("fast", 1), ("slow", 1), ("third", 3)]
    assert [r.rank for r in rules.ranking(entries)] == [1, 2, 3]
    assert scoring.answer_points(correct=True, elapsed_ms=9000, limit_ms=10_000) == 100


async def test_every_host_frame_carries_the_actions(game):
    correct = await sync_to_async(ordered_correct)(game)
    host = await connect(f"/ws/games/{game.pin}/host/", user=await sync_to_async(game_host)())
    snapshot = await receive(host)
    assert snapshot["actions"]["primary"] == "next"
    await send(host, "host.next")
    frame = await receive_until(host, "game.question")
    assert frame["actions"] == {"allowed": ["reveal", "finish"], "primary": "reveal", "destructive": ["finish"]}
    assert frame["correct"] == correct[0]
    await send(host, "host.reveal")
    assert (await receive_until(host, "game.reveal"))["actions"]["primary"] == "leaderboard"
    await host.disconnect()


def test_the_export_keeps_the_draws_seed(game):
    scored_players(game, [500, 400, 300, 200])
    runner.run(game.pk, runner.finish)
    runner.run(game.pk, runner.lucky_draw, 1, 0, None, "咨询日-种子")
    workbook = per_player_workbook(game)
    rows = list(workbook["幸运抽奖"].values)
    assert rows[1][1] == "咨询日-种子" and rows[1][5] == "玩家3"
