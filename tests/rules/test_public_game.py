"""The public game's rules, directly and with hypothesis-driven random play through `apply`."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contests.rules.public_game import (
    HOST_ACTIONS,
    Config,
    GameState,
    Phase,
    Question,
    Role,
    Scoring,
    apply,
    clean_choice,
    clean_nickname,
    host_actions,
    lucky_draw,
    podium,
    ranking,
)
from contests.rules.refusal import Refusal
from tests.rules.public_games import Game

QUESTIONS = [("ABCD", "B", False), ("AB", "A", False), ("ABCD", "AC", True)]


def new_game(**config):
    return Game(QUESTIONS, reading_ms=1000, answer_ms=10_000, **config)


def started(game, now=0):
    game.host("next", now)
    return now + game.config.reading_ms  # when answering opens


def error_code(call, *args, **kwargs):
    with pytest.raises(Refusal) as caught:
        call(*args, **kwargs)
    return caught.value.code


# Phases ----------------------------------------------------------------------------------
def test_phases_follow_the_server_clock():
    state = GameState(question_count=2)
    assert state.phase_at(0) == Phase.LOBBY
    state.start_question(1000, reading_ms=3000, answer_ms=10_000)
    assert state.phase_at(3999) == Phase.READING
    assert state.phase_at(4000) == Phase.ANSWERING
    state.reveal(14_500)
    assert state.phase_at(15_000) == Phase.REVEALED
    state.show_leaderboard()
    assert state.phase_at(15_000) == Phase.LEADERBOARD
    state.start_question(16_000, reading_ms=0, answer_ms=5000)
    assert state.index == 1
    assert error_code(state.show_leaderboard) == "bad_phase"
    state.reveal(17_000)
    assert error_code(state.start_question, 18_000, reading_ms=0, answer_ms=1) == "no_more_questions"
    state.finish()
    assert state.phase_at(0) == Phase.FINISHED
    assert error_code(state.finish) == "bad_phase"


def test_apply_changes_a_copy_and_refuses_what_a_role_may_not_send():
    config = Config(questions=(Question("AB", "A"),), reading_ms=0, answer_ms=1000)
    state = GameState(question_count=1)
    outcome = apply(state, config, Role.HOST, "next", {}, 500)
    assert (state.index, outcome.state.index, outcome.state.deadline) == (-1, 0, 1500)
    assert error_code(apply, state, config, Role.PLAYER, "next", {}, 0) == "forbidden"
    assert error_code(apply, state, config, Role.HOST, "answer", {"index": 0, "choice": "A"}, 0) == "forbidden"
    beyond = {"index": 1, "choice": "A"}
    assert error_code(apply, outcome.state, config, Role.PLAYER, "answer", beyond, 600) == "not_answering"
    answered = apply(outcome.state, config, Role.PLAYER, "answer", {"index": 0, "choice": "A"}, 600)
    assert answered.state is outcome.state and answered.answer == {"index": 0, "choice": "A", "elapsed_ms": 100}
    revealed = apply(outcome.state, config, Role.HOST, "reveal", {}, 700)
    assert (revealed.scored, revealed.state.deadline, outcome.state.stored_phase) == (0, 700, "question")


def test_early_reveal_closes_answering():
    state = GameState(question_count=1)
    state.start_question(0, reading_ms=1000, answer_ms=10_000)
    state.reveal(5000)
    assert state.deadline == 5000
    assert error_code(state.check_answer, 0, 5001) == "not_answering"


# Joining ---------------------------------------------------------------------------------
def test_join_late_join_and_closing():
    game = new_game()
    game.join(1, "阿明")
    opens = started(game)
    game.join(2, "小红")  # late, during the first question
    game.answer(2, 0, "B", opens + 100)
    game.host("reveal", opens + 10_000)
    for index in (1, 2):
        opens = started(game, now=opens + 20_000)
        if index == 2:
            game.join(3, "最后一题")  # still allowed while the last question runs
        game.host("reveal", opens + 10_000)
    assert error_code(game.join, 4, "太晚了") == "joining_closed"
    assert set(game.players) == {1, 2, 3}


def test_kicked_player_can_do_nothing():
    game = new_game()
    game.join(1, "捣乱")
    game.kick(1)
    opens = started(game)
    assert error_code(game.answer, 1, 0, "B", opens) == "kicked"
    assert error_code(game.answer, 9, 0, "B", opens) == "unknown_player"
    assert game.ranking() == []
    assert error_code(game.join, 2, "捣 乱") == "nickname_taken"


# Answering -------------------------------------------------------------------------------
def test_one_answer_per_question_within_the_window():
    game = new_game()
    game.join(1, "a")
    assert error_code(game.answer, 1, 0, "B", 0) == "not_answering"
    opens = started(game)
    assert error_code(game.answer, 1, 0, "B", opens - 1) == "too_early"
    assert error_code(game.answer, 1, 1, "A", opens) == "not_answering"
    game.answer(1, 0, "B", opens + 10_000)  # exactly at the deadline is in time
    assert error_code(game.answer, 1, 0, "C", opens + 10_000) == "already_answered"
    game.join(2, "b")
    assert error_code(game.answer, 2, 0, "B", opens + 10_001) == "too_late"


def test_choices_are_validated():
    assert clean_choice("CA", "ABCD", multiple=True) == "AC"
    for bad, multiple in (("", False), ("E", False), ("AB", False), ("AA", True), (None, False), (["A"], False)):
        assert error_code(clean_choice, bad, "ABCD", multiple=multiple) == "bad_choice"


# Scoring ---------------------------------------------------------------------------------
def test_fixed_scoring_with_streak_and_penalty():
    scoring = Scoring(mode="fixed", points=100, streak_bonus=10, wrong_penalty=30)
    assert scoring.answer_points(correct=True, elapsed_ms=9000, limit_ms=10_000) == 100
    assert scoring.answer_points(correct=True, elapsed_ms=0, limit_ms=10_000, streak_before=2) == 120
    assert scoring.answer_points(correct=True, elapsed_ms=0, limit_ms=10_000, streak_before=50) == 150
    assert scoring.answer_points(correct=False, elapsed_ms=0, limit_ms=10_000, score_before=100) == -30
    assert scoring.answer_points(correct=False, elapsed_ms=0, limit_ms=10_000, score_before=10) == -10


def test_answers_are_booked_at_the_reveal():
    game = new_game(scoring=Scoring(mode="fixed", points=100, streak_bonus=10, wrong_penalty=30))
    game.join(1, "a")
    game.join(2, "b")
    opens = started(game)
    game.answer(1, 0, "B", opens + 1000)
    game.answer(2, 0, "C", opens + 2000)
    assert game.players[1].score == 0  # nothing is known before the reveal
    game.host("reveal", opens + 10_000)
    assert (game.players[1].score, game.players[2].score) == (100, 0)  # penalty never below zero
    assert (game.answers[2, 0].points, game.answers[2, 0].correct) == (0, False)
    opens = started(game, now=opens + 20_000)
    game.answer(1, 1, "A", opens + 10)
    game.host("reveal", opens + 10_000)
    assert game.players[1].score == 210 and game.players[1].streak == 2
    assert game.players[2].streak == 0 and game.answers[1, 1].points == 110 and game.answers[1, 1].correct
    assert [r.player_id for r in game.ranking()] == [1, 2]


def test_speed_scoring_falls_to_half():
    scoring = Scoring(mode="speed", points=101)
    assert scoring.answer_points(correct=True, elapsed_ms=0, limit_ms=10_000) == 101
    assert scoring.answer_points(correct=True, elapsed_ms=5000, limit_ms=10_000) == 76
    assert scoring.answer_points(correct=True, elapsed_ms=10_000, limit_ms=10_000) == 51
    assert scoring.answer_points(correct=False, elapsed_ms=0, limit_ms=10_000) == 0


@pytest.mark.parametrize(
    "kwargs", [{"mode": "slow"}, {"points": 0}, {"wrong_penalty": -1}, {"podium_size": 2}, {"podium_size": 11}]
)
def test_bad_scoring_configurations(kwargs):
    with pytest.raises(ValueError):
        Scoring(**kwargs)


@given(
    points=st.integers(1, 10_000),
    elapsed=st.integers(-1000, 100_000),
    limit=st.integers(1, 60_000),
    streak=st.integers(0, 20),
)
def test_a_correct_answer_never_earns_less_than_half(points, elapsed, limit, streak):
    scoring = Scoring(mode="speed", points=points)
    earned = scoring.answer_points(correct=True, elapsed_ms=elapsed, limit_ms=limit, streak_before=streak)
    assert points / 2 <= earned <= points
    faster = scoring.answer_points(correct=True, elapsed_ms=max(elapsed, 0) // 2, limit_ms=limit)
    assert faster >= earned


# Ranking, podium, draw -------------------------------------------------------------------
def test_ranking_ties_share_a_rank():
    ranked = ranking([("a", 300, 5000), ("b", 500, 9000), ("c", 300, 5000), ("d", 300, 4000)])
    assert [(r.player_id, r.rank) for r in ranked] == [("b", 1), ("d", 2), ("a", 3), ("c", 3)]
    assert [r.player_id for r in podium([("p%d" % i, i, 0) for i in range(12)], 10)][:2] == ["p11", "p10"]
    assert len(podium([("p%d" % i, i, 0) for i in range(12)], 3)) == 3
    with pytest.raises(ValueError):
        podium([], 11)


def test_lucky_draw_is_reproducible_and_without_repeats():
    eligible = list(range(50))
    first = lucky_draw(eligible, 10, seed=1234)
    assert first == lucky_draw(list(reversed(eligible)), 10, seed=1234)
    assert len(set(first)) == 10
    assert sorted(lucky_draw([1, 1, 2], 5, seed=1)) == [1, 2]
    assert error_code(lucky_draw, eligible, 0, 1) == "bad_draw"


# Nicknames -------------------------------------------------------------------------------
def test_nickname_rules():
    assert clean_nickname("  小 明  ") == "小 明"
    assert clean_nickname("ＡＢＣ") == "ABC"  # full-width folded
    assert error_code(clean_nickname, "   ") == "nickname_empty"
    assert error_code(clean_nickname, "x" * 13) == "nickname_too_long"
    assert error_code(clean_nickname, "a\u200bb") == "nickname_invalid"
    assert error_code(clean_nickname, "F.u.C.k you", banned_words=["fuck"]) == "nickname_banned"
    assert error_code(clean_nickname, "大傻 逼", banned_words=["傻逼"]) == "nickname_banned"
    assert error_code(clean_nickname, "Xiao Ming", taken={"xiaoming"}) == "nickname_taken"
    assert clean_nickname('"><b>x</b>') == '"><b>x</b>'  # shown as text, not refused


# Random play -----------------------------------------------------------------------------
actions = st.lists(
    st.one_of(
        st.tuples(st.just("join"), st.integers(0, 6), st.sampled_from(["甲", "乙", "丙", "甲 ", "fuck", ""])),
        st.tuples(st.just("kick"), st.integers(0, 6)),
        st.tuples(st.just("answer"), st.integers(0, 6), st.integers(-1, 3), st.sampled_from(["A", "B", "AC", "Z"])),
        st.tuples(st.just("tick"), st.integers(0, 6000)),
        st.tuples(st.just("host"), st.sampled_from(["next", "reveal", "leaderboard", "finish"])),
    ),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(actions)
def test_random_play_keeps_the_game_consistent(sequence):
    game = Game(QUESTIONS, reading_ms=500, answer_ms=3000, scoring=Scoring(streak_bonus=5, wrong_penalty=20),
                banned_words=("fuck",))
    now = 0
    for action in sequence:
        try:
            if action[0] == "join":
                game.join(action[1], action[2])
            elif action[0] == "kick":
                game.kick(action[1])
            elif action[0] == "answer":
                game.answer(action[1], action[2], action[3], now)
            elif action[0] == "tick":
                now += action[1]
            else:
                game.host(action[1], now)
        except Refusal:
            pass
        names = [player.nickname for player in game.players.values()]
        assert len({"".join(name.casefold().split()) for name in names}) == len(names)
        assert all(0 < len(name) <= 12 and "fuck" not in name for name in names)
        assert -1 <= game.state.index < len(QUESTIONS)
        for (player_id, index), answer in game.answers.items():
            assert player_id in game.players and index <= game.state.index
            assert 0 <= answer.elapsed_ms <= 3000
    for player_id, player in game.players.items():
        booked = sum(a.points for (pid, _), a in game.answers.items() if pid == player_id and a.points is not None)
        assert player.score == booked >= 0
        assert player.correct_count <= len(QUESTIONS) and player.streak <= player.correct_count


@given(st.lists(st.sampled_from(["next", "reveal", "leaderboard", "finish", "draw"]), max_size=12))
def test_the_host_is_offered_exactly_what_the_rules_accept(commands):
    """Whatever the host did before, `host_actions` offers every command `apply` accepts and no
    other; its primary step is one of them, and the end is always marked destructive."""
    config = Config(questions=tuple(Question(*question) for question in QUESTIONS), reading_ms=1000, answer_ms=10_000)
    state = GameState(question_count=len(QUESTIONS))
    for now, command in enumerate(commands):
        offered = host_actions(state, config, now)
        accepted = []
        for candidate in HOST_ACTIONS:
            try:
                apply(state, config, Role.HOST, candidate, {}, now)
            except Refusal:
                continue
            accepted.append(candidate)
        assert offered["allowed"] == accepted
        assert offered["primary"] in accepted or (offered["primary"] is None and not accepted)
        assert offered["destructive"] == [action for action in accepted if action == "finish"]
        try:
            state = apply(state, config, Role.HOST, command, {}, now).state
        except Refusal:
            assert command not in offered["allowed"]


def test_podium_never_lists_a_player_without_points():
    entries = [("a", 300, 10), ("b", 0, 5), ("c", 0, 1)]
    assert [entry.player_id for entry in podium(entries, 3)] == ["a"]
    assert podium([("z", 0, 0)], 3) == []
