"""The hall's rules: when a contest's audience game may open, reveal, finish and draw."""
import pytest

from contests.rules import hall
from contests.rules import public_game as game_rules
from contests.rules.phases import Phase
from contests.rules.refusal import Refusal

QUESTION = game_rules.QUESTION


def code(command, situation):
    with pytest.raises(Refusal) as refused:
        hall.check(command, situation)
    return refused.value.code


def test_create_once_and_not_after_the_contest():
    assert hall.actions(hall.Situation(Phase.LOBBY))["allowed"] == ["create"]
    assert code("create", hall.Situation(Phase.LOBBY, game_phase="lobby")) == "hall_exists"
    assert code("create", hall.Situation(Phase.FINISHED)) == "contest_finished"
    assert code("open", hall.Situation(Phase.JUDGING, paper_index=0)) == "no_hall"


@pytest.mark.parametrize("phase", [Phase.LOBBY, Phase.READING, Phase.BUZZER_OPEN, Phase.ANSWERING, Phase.REVEALED,
                                   Phase.SCOREBOARD, Phase.PAUSED, Phase.FINISHED])
def test_the_hall_never_opens_while_teams_answer_or_once_the_answer_is_shown(phase):
    situation = hall.Situation(phase, paper_index=2, game_phase="lobby")
    assert code("open", situation) == "teams_first"
    assert "open" not in hall.actions(situation)["allowed"]


@pytest.mark.parametrize("phase", hall.CLOSED_FOR_TEAMS)
def test_the_hall_opens_after_the_teams_once_per_question(phase):
    situation = hall.Situation(phase, paper_index=2, game_phase="revealed", game_index=1)
    assert hall.actions(situation) == {"allowed": ["open"], "primary": "open"}
    assert code("open", hall.Situation(phase, paper_index=1, game_phase="revealed", game_index=1)) == "already_played"
    assert code("open", hall.Situation(phase, paper_index=None, game_phase="lobby")) == "not_in_paper"
    assert code("open", hall.Situation(phase, paper_index=3, game_phase=QUESTION, game_index=2)) == "hall_busy"


def test_reveal_only_while_open_and_it_holds_the_contest_back():
    open_now = hall.Situation(Phase.JUDGING, paper_index=0, game_phase=QUESTION, game_index=0)
    assert hall.actions(open_now) == {"allowed": ["reveal"], "primary": "reveal"}
    assert code("reveal", hall.Situation(Phase.JUDGING, game_phase="revealed")) == "nothing_open"
    for command in ("reveal", "next", "scoreboard"):
        with pytest.raises(Refusal) as refused:
            hall.blocks_contest(command, QUESTION)
        assert refused.value.code == "hall_open"
        hall.blocks_contest(command, "revealed")
        hall.blocks_contest(command, None)
    hall.blocks_contest("pause", QUESTION)  # the rest of the console keeps working


def test_finish_after_the_contest_then_draw():
    assert code("finish", hall.Situation(Phase.SCOREBOARD, game_phase="revealed")) == "contest_running"
    assert code("finish", hall.Situation(Phase.FINISHED, game_phase=QUESTION)) == "hall_busy"
    assert hall.actions(hall.Situation(Phase.FINISHED, game_phase="revealed")) == {"allowed": ["finish"],
                                                                                    "primary": "finish"}
    assert code("draw", hall.Situation(Phase.FINISHED, game_phase="revealed")) == "not_finished"
    assert hall.actions(hall.Situation(Phase.FINISHED, game_phase="finished"))["allowed"] == ["draw"]


def test_a_game_may_skip_to_a_later_question_but_never_back():
    config = game_rules.Config(questions=(game_rules.Question("ABCD", "B"),) * 4, reading_ms=0, answer_ms=1000)
    state = game_rules.GameState(question_count=4)
    state = game_rules.apply(state, config, game_rules.Role.HOST, "next", {"index": 2}, 0).state
    assert (state.index, state.stored_phase) == (2, QUESTION)
    state = game_rules.apply(state, config, game_rules.Role.HOST, "reveal", {}, 10).state
    for index, refusal in ((1, "already_played"), (2, "already_played"), (4, "no_more_questions"),
                           (True, "bad_index"), ("3", "bad_index")):
        with pytest.raises(Refusal) as refused:
            game_rules.apply(state, config, game_rules.Role.HOST, "next", {"index": index}, 20)
        assert refused.value.code == refusal
    assert game_rules.apply(state, config, game_rules.Role.HOST, "next", {}, 20).state.index == 3
