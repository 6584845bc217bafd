"""Every rule of the contest state machine, driven directly (no sockets, no database)."""
import pytest

from contests.rules.contest import Config, RoundConfig, Slot, State, apply
from core.judging import ScoreSheetError, aggregate, sheet_total
from contests.rules.phases import COMMANDS, Phase, Role, RoundKind, Verdict, allowed
from contests.rules.refusal import Refusal
from contests.rules.scoring import risk_order, tied_for_first, verdict_delta
from tests.rules.scores import team_scores

TEAMS = (1, 2, 3)
NOW = 1_000_000


class Game:
    """Plays a config, keeping every score event like the database does."""

    def __init__(self, *rounds, judges=(), start=100):
        self.config = Config(start_score=start, teams=TEAMS, rounds=rounds, judges=judges)
        self.state = State()
        self.events = []
        self.outcomes = []
        self.now = NOW

    @property
    def scores(self):
        return team_scores(self.config.start_score, self.config.teams, [(t, d) for t, d, _ in self.events])

    def send(self, command, role=Role.HOST, actor=None, later=0, **args):
        self.now += later
        outcome = apply(self.state, self.config, self.scores, role, actor, command, args, self.now)
        self.state = outcome.state
        self.events += outcome.events
        self.outcomes.append(outcome)
        return outcome

    def refused(self, code, command, role=Role.HOST, actor=None, later=0, **args):
        before = self.state.to_dict()
        with pytest.raises(Refusal) as error:
            self.send(command, role, actor, later, **args)
        assert error.value.code == code
        assert self.state.to_dict() == before


def compulsory(**kwargs):
    slots = tuple(Slot(id=10 + team, team=team, correct="B") for team in TEAMS)
    return RoundConfig(kind=RoundKind.COMPULSORY, slots=slots, reading_seconds=0, **kwargs)


def buzzer(kind=RoundKind.BUZZER, count=2, **kwargs):
    slots = tuple(Slot(id=20 + i, correct="AC") for i in range(count))
    return RoundConfig(kind=kind, slots=slots, reading_seconds=0, **kwargs)


def risk(**kwargs):
    slots = tuple(Slot(id=30 + team, team=team, correct="A") for team in TEAMS)
    return RoundConfig(kind=RoundKind.RISK, slots=slots, reading_seconds=0, **kwargs)


def judged(**kwargs):
    slots = tuple(Slot(id=40 + team, team=team) for team in TEAMS)
    return RoundConfig(kind=RoundKind.JUDGED, slots=slots, reading_seconds=0, criteria=(("content", 50), ("delivery", 50)), **kwargs)


def test_transition_table_refuses_by_role_and_phase():
    assert allowed("start", Role.HOST, Phase.LOBBY) is None
    assert allowed("start", Role.TEAM, Phase.LOBBY) == "forbidden"
    assert allowed("start", Role.HOST, Phase.READING) == "wrong_phase"
    assert allowed("fly", Role.HOST, Phase.LOBBY) == "unknown_command"
    for command, (roles, _) in COMMANDS.items():
        assert Role.SCREEN not in roles, command


def test_compulsory_only_the_owner_answers_and_scores_follow_the_round():
    game = Game(compulsory(points=10, wrong_penalty=5, timeout_penalty=3, answer_seconds=20))
    game.send("start")
    assert (game.state.phase, game.state.team) == (Phase.READING, 1)
    game.refused("wrong_phase", "answer", Role.TEAM, 1, choice="B")
    game.send("open")
    assert game.state.deadline == game.now + 20_000
    game.refused("not_your_turn", "answer", Role.TEAM, 2, choice="B")
    game.refused("bad_value", "answer", Role.TEAM, 1, choice="Z")
    out = game.send("answer", Role.TEAM, 1, choice="b")
    assert out.answer == {"slot": 11, "team": 1, "choice": "B", "verdict": "correct", "delta": 10, "risk_value": None}
    assert game.state.phase == Phase.JUDGING
    game.refused("wrong_phase", "answer", Role.TEAM, 1, choice="A")  # one answer only
    game.send("reveal"), game.send("next"), game.send("open")
    game.send("answer", Role.TEAM, 2, choice="A")
    game.send("reveal"), game.send("scoreboard"), game.send("next"), game.send("open")
    game.refused("too_late", "answer", Role.TEAM, 3, later=20_001, choice="B")
    game.send("lock")
    assert game.state.verdict == Verdict.TIMEOUT
    assert game.scores == {1: 110, 2: 95, 3: 97}
    game.send("reveal"), game.send("next")
    assert game.state.phase == Phase.FINISHED


def test_reading_pause_must_pass_before_answering_opens():
    game = Game(RoundConfig(kind=RoundKind.COMPULSORY, slots=(Slot(1, team=1, correct="A"),), reading_seconds=3))
    game.send("start")
    assert game.state.reading_until == game.now + 3000
    game.refused("too_early", "open", later=2999)
    game.send("open", later=1)


def test_host_marks_an_oral_answer_and_can_undo_it():
    game = Game(compulsory(points=10, wrong_penalty=5))
    game.send("start"), game.send("open")
    game.refused("not_yet", "mark", verdict="timeout")
    game.refused("bad_value", "mark", verdict="maybe")
    game.send("mark", Role.JUDGE, 99, verdict="wrong")
    assert game.scores[1] == 95
    out = game.send("undo")
    assert out.void_answer == 11 and out.events == [(1, 5, "undo")]
    assert game.scores[1] == 100 and game.state.phase == Phase.ANSWERING
    game.send("mark", verdict="correct")
    assert game.scores[1] == 110
    game.send("reveal")
    game.refused("wrong_phase", "undo")


def test_buzzer_first_buzz_wins_others_locked_out_wrong_answer_penalised():
    game = Game(buzzer(points=20, wrong_penalty=10, buzz_seconds=10, answer_seconds=15))
    game.send("start")
    out = game.send("buzz", Role.TEAM, 3)  # before the host opened: a foul
    assert out.events == [(3, -5, "early buzz")] and 3 in game.state.locked_out
    game.send("open")
    game.refused("locked_out", "buzz", Role.TEAM, 3)
    out = game.send("buzz", Role.TEAM, 2)
    assert out.buzz == {"slot": 20, "team": 2}
    assert (game.state.phase, game.state.team, game.state.deadline) == (Phase.ANSWERING, 2, game.now + 15_000)
    game.refused("buzz_closed", "buzz", Role.TEAM, 1)
    game.refused("not_your_turn", "answer", Role.TEAM, 1, choice="AC")
    game.send("answer", Role.TEAM, 2, choice="A")
    assert game.scores == {1: 100, 2: 90, 3: 95}


def test_buzzer_multiple_choice_correct_in_any_order():
    game = Game(buzzer(points=20))
    game.send("start"), game.send("open"), game.send("buzz", Role.TEAM, 1)
    game.send("answer", Role.TEAM, 1, choice="CA")
    assert game.scores[1] == 120


def test_a_team_outside_the_contest_is_refused():
    game = Game(buzzer())
    game.send("start")
    game.refused("forbidden", "buzz", Role.TEAM, 9)


def test_void_early_buzz_is_refused_without_penalty_and_late_buzz_is_refused():
    game = Game(buzzer(early_buzz="void", buzz_seconds=10))
    game.send("start")
    game.refused("too_early", "buzz", Role.TEAM, 1)
    game.send("open")
    game.refused("too_late", "buzz", Role.TEAM, 1, later=10_001)
    game.send("lock")  # nobody buzzed in time: the question closes
    assert game.state.phase == Phase.REVEALED and game.scores == {1: 100, 2: 100, 3: 100}


def test_a_buzzer_question_nobody_buzzes_closes_itself_when_its_time_runs_out():
    game = Game(buzzer(buzz_seconds=10))
    game.send("start"), game.send("open")
    game.refused("forbidden", "expire", Role.HOST, later=10_001)  # only the server's clock sends it
    game.refused("forbidden", "expire", Role.TEAM, 1)
    game.now -= 10_001
    game.refused("not_yet", "expire", Role.CLOCK, later=10_000)  # at the deadline it is still open
    out = game.send("expire", Role.CLOCK, later=1)
    assert game.state.phase == Phase.REVEALED and game.state.deadline is None
    assert out.events == [] and out.answer is None
    game.refused("wrong_phase", "expire", Role.CLOCK)  # a second process firing is a no-op
    game.refused("wrong_phase", "lock")


def test_an_answer_time_running_out_is_judged_as_a_timeout_by_the_round_rules():
    game = Game(compulsory(timeout_penalty=3, answer_seconds=20), risk())
    game.send("start"), game.send("open")
    game.refused("not_yet", "expire", Role.CLOCK, later=20_000)
    out = game.send("expire", Role.CLOCK, later=1)
    assert out.answer == {"slot": 11, "team": 1, "choice": "", "verdict": "timeout", "delta": -3, "risk_value": None}
    assert game.state.phase == Phase.JUDGING and game.scores[1] == 97
    game.refused("wrong_phase", "expire", Role.CLOCK)
    game.send("undo")  # the host can still take the timeout back and mark an oral answer
    game.send("mark", verdict="correct")
    assert game.scores[1] == 110
    for _ in range(3):
        game.send("reveal"), game.send("next")
    game.send("risk", Role.TEAM, 1, value=20), game.send("open")
    game.send("expire", Role.CLOCK, later=20_001)
    assert game.state.verdict == Verdict.TIMEOUT and game.scores[1] == 90  # a risk timeout loses the value


def test_a_buzz_or_answer_after_its_deadline_is_too_late_however_late_until_the_next_question():
    game = Game(buzzer(buzz_seconds=10, answer_seconds=15), compulsory(answer_seconds=20))
    game.send("start"), game.send("open")
    game.send("expire", Role.CLOCK, later=10_001)  # nobody buzzed: the server closed it
    for later in (0, 1, 60_000, 3_600_000):  # in `revealed`, a second or an hour after the deadline
        game.refused("too_late", "buzz", Role.TEAM, 2, later=later)
    game.send("next")  # the next question: its own deadlines
    game.refused("wrong_phase", "answer", Role.TEAM, 1, choice="AC")  # not open yet, not late
    game.send("open"), game.send("buzz", Role.TEAM, 1, later=1_000)
    game.refused("buzz_closed", "buzz", Role.TEAM, 2, later=1_000)  # before the buzzer's deadline
    game.refused("too_late", "buzz", Role.TEAM, 2, later=8_001)  # after it, although team 1 is answering
    game.send("expire", Role.CLOCK, later=15_001 - 8_001 - 1_000)
    game.send("reveal")
    for role_late in (0, 120_000):
        game.refused("too_late", "answer", Role.TEAM, 1, later=role_late, choice="AC")
    game.send("next"), game.send("open")  # the compulsory round: team 1 answers within 20 s
    game.send("pause", later=5_000)
    game.refused("wrong_phase", "answer", Role.TEAM, 1, later=60_000, choice="B")  # suspended, not late
    game.send("resume")
    game.send("answer", Role.TEAM, 1, later=14_999, choice="B")
    game.refused("too_late", "answer", Role.TEAM, 1, later=2, choice="B")  # after the resumed deadline


def test_a_buzz_winner_who_runs_out_of_time_times_out_and_pause_suspends_the_deadline():
    game = Game(buzzer(buzz_seconds=10, answer_seconds=15, timeout_penalty=4))
    game.send("start"), game.send("open"), game.send("buzz", Role.TEAM, 2)
    game.send("pause", later=5_000)
    game.refused("wrong_phase", "expire", Role.CLOCK, later=60_000)
    game.send("resume")
    game.refused("not_yet", "expire", Role.CLOCK, later=10_000)
    game.send("expire", Role.CLOCK, later=1)
    assert game.state.verdict == Verdict.TIMEOUT and game.scores[2] == 96


def test_a_round_can_hand_an_unbuzzed_question_to_the_audience():
    game = Game(buzzer(buzz_seconds=10, hand_to_audience=True), buzzer(kind=RoundKind.TIEBREAK, hand_to_audience=True))
    game.send("start"), game.send("open")
    out = game.send("expire", Role.CLOCK, later=10_001)
    assert game.state.phase == Phase.AUDIENCE and out.events == [] and out.answer is None
    game.refused("too_late", "buzz", Role.TEAM, 1)  # after the deadline, whatever the phase
    game.refused("wrong_phase", "next")
    game.refused("wrong_phase", "answer", Role.TEAM, 1, choice="AC")
    game.send("pause"), game.send("resume")
    assert game.state.phase == Phase.AUDIENCE
    game.send("reveal")
    assert game.state.phase == Phase.REVEALED and game.scores == {1: 100, 2: 100, 3: 100}
    game.send("next"), game.send("open")
    game.send("lock")  # the host closing it before the time is up hands it over as well
    assert game.state.phase == Phase.AUDIENCE
    game.send("reveal"), game.send("next")
    assert game.state.eligible == [1, 2, 3]  # nobody scored: all tied, the tie-break is played
    game.send("open"), game.send("expire", Role.CLOCK, later=10_001)
    assert game.state.phase == Phase.AUDIENCE


def test_risk_team_picks_an_allowed_value_and_wins_or_loses_it():
    game = Game(risk(risk_values=(10, 20, 30)))
    game.send("start")
    game.refused("no_risk_value", "open")
    game.refused("not_your_turn", "risk", Role.TEAM, 2, value=10)
    game.refused("bad_value", "risk", Role.TEAM, 1, value=25)
    game.refused("bad_value", "risk", Role.TEAM, 1, value=True)
    game.send("risk", Role.TEAM, 1, value=30)
    game.send("open"), game.send("answer", Role.TEAM, 1, choice="A")
    game.send("reveal"), game.send("next")
    game.send("risk", Role.TEAM, 2, value=20), game.send("open"), game.send("answer", Role.TEAM, 2, choice="B")
    assert game.scores == {1: 130, 2: 80, 3: 100}


def test_risk_in_score_order_plays_the_lowest_score_first():
    game = Game(compulsory(points=10), risk(risk_in_score_order=True))
    game.send("start")
    for team in TEAMS:
        game.send("open")
        game.send("answer", Role.TEAM, team, choice="B" if team != 2 else "A")
        game.send("reveal"), game.send("next")
    # scores now 110, 100, 110: team 2 first, then 1 and 3 in team order
    assert game.state.team == 2
    turns = []
    for _ in TEAMS:
        turns.append(game.state.team)
        game.send("reveal"), game.send("next")
    assert turns == [2, 1, 3]


def test_tiebreak_only_tied_teams_buzz_and_it_stops_once_decided():
    game = Game(compulsory(points=10), buzzer(kind=RoundKind.TIEBREAK, count=5, points=10))
    game.send("start")
    for team in TEAMS:
        game.send("open")
        game.send("answer", Role.TEAM, team, choice="B" if team != 3 else "A")
        game.send("reveal"), game.send("next")
    assert game.state.eligible == [1, 2]
    game.send("open")
    game.refused("not_eligible", "buzz", Role.TEAM, 3)
    game.send("buzz", Role.TEAM, 2), game.send("answer", Role.TEAM, 2, choice="AC")
    game.send("reveal"), game.send("next")
    assert game.state.phase == Phase.FINISHED  # decided after one question of five


def test_tiebreak_is_skipped_without_a_tie():
    game = Game(compulsory(points=10), buzzer(kind=RoundKind.TIEBREAK))
    game.send("start")
    for team, choice in zip(TEAMS, "BAA"):
        game.send("open"), game.send("answer", Role.TEAM, team, choice=choice), game.send("reveal"), game.send("next")
    assert game.state.phase == Phase.FINISHED


def test_judged_round_hidden_until_all_judges_scored_then_trimmed_mean():
    game = Game(judged(aggregate="trimmed_mean"), judges=(7, 8, 9))
    game.send("start"), game.send("open")
    assert game.state.phase == Phase.JUDGING and game.state.team == 1
    game.refused("forbidden", "score", Role.JUDGE, 5, sheet={"content": 1, "delivery": 1})
    game.refused("bad_value", "score", Role.JUDGE, 7, sheet={"content": 51, "delivery": 1})
    game.refused("bad_value", "score", Role.JUDGE, 7, sheet={"content": 5})
    game.refused("wrong_phase", "reveal")
    game.send("score", Role.JUDGE, 7, sheet={"content": 40, "delivery": 40})
    game.refused("already_scored", "score", Role.JUDGE, 7, sheet={"content": 1, "delivery": 1})
    game.send("score", Role.JUDGE, 8, sheet={"content": 50, "delivery": 50})
    assert game.state.phase == Phase.JUDGING and game.events == []
    out = game.send("score", Role.JUDGE, 9, sheet={"content": 30, "delivery": 40})
    assert out.sheet["total"] == 70 and out.events == [(1, 80, "judges")]
    assert game.state.phase == Phase.REVEALED


def test_host_can_close_judging_early():
    game = Game(judged(aggregate="sum"), judges=(7, 8))
    game.send("start"), game.send("open"), game.send("score", Role.JUDGE, 8, sheet={"content": 10, "delivery": 5})
    game.send("lock")
    assert game.scores[1] == 115 and game.state.phase == Phase.REVEALED


def test_pause_keeps_the_remaining_time_and_resume_restores_it():
    game = Game(compulsory(answer_seconds=20))
    game.send("start"), game.send("open")
    game.send("pause", later=5000)
    assert game.state.phase == Phase.PAUSED and game.state.deadline is None
    game.refused("wrong_phase", "answer", Role.TEAM, 1, choice="B")
    game.send("resume", later=60_000)
    assert game.state.phase == Phase.ANSWERING and game.state.deadline == game.now + 15_000


def test_adjust_needs_a_reason_and_end_finishes():
    game = Game(compulsory())
    game.refused("wrong_phase", "adjust", team=1, delta=5, reason="x")
    game.send("start")
    game.refused("bad_value", "adjust", Role.JUDGE, 7, team=1, delta=5, reason=" ")
    game.refused("bad_value", "adjust", team=9, delta=5, reason="x")
    game.refused("bad_value", "adjust", team=1, delta=0, reason="x")
    game.refused("forbidden", "adjust", Role.TEAM, 1, team=1, delta=5, reason="x")
    game.send("adjust", Role.JUDGE, 7, team=1, delta=-4, reason="违规提示")
    assert game.events == [(1, -4, "adjust: 违规提示")]
    game.send("end")
    assert game.state.phase == Phase.FINISHED
    game.refused("wrong_phase", "end")


def test_every_accepted_command_bumps_the_version_once():
    game = Game(compulsory())
    game.send("start"), game.send("open")
    assert game.state.version == 2


def test_state_round_trips_through_json_types():
    import json

    game = Game(buzzer())
    game.send("start"), game.send("open"), game.send("buzz", Role.TEAM, 1)
    data = json.loads(json.dumps(game.state.to_dict()))
    assert State.from_dict(data) == game.state


def test_scoring_helpers():
    assert risk_order([1, 2, 3], {1: 5, 2: 1, 3: 5}) == [2, 1, 3]
    assert tied_for_first({1: 5, 2: 5, 3: 1}) == [1, 2] and tied_for_first({1: 5, 2: 4}) == []
    config = RoundConfig(kind=RoundKind.BUZZER, points=10, wrong_penalty=4, timeout_penalty=2)
    assert [verdict_delta(config, v) for v in Verdict] == [10, -4, -2]


def test_judging_helpers():
    criteria = (("a", 10), ("b", 5))
    assert sheet_total(criteria, {"a": 10, "b": 0}) == 10
    for bad in ({"a": 11, "b": 0}, {"a": 1}, {"a": 1, "b": 1, "c": 1}, {"a": 1.5, "b": 1}, {"a": -1, "b": 1}):
        with pytest.raises(ScoreSheetError):
            sheet_total(criteria, bad)
    assert aggregate([60, 90, 70, 80], "trimmed_mean") == 75
    assert aggregate([60, 90], "trimmed_mean") == 75
    assert aggregate([1, 2], "mean") == 2  # halves round up
    assert aggregate([1, 2], "sum") == 3 and aggregate([], "mean") == 0


def actions(game):
    from contests.rules.contest import host_actions

    return host_actions(game.state, game.config, game.scores, game.now)


def test_host_actions_follow_the_rules_phase_by_phase():
    game = Game(RoundConfig(kind=RoundKind.COMPULSORY, slots=(Slot(1, team=1, correct="A"), Slot(2, team=2, correct="A")),
                            reading_seconds=3), buzzer(count=1))
    assert actions(game) == {"allowed": ["start", "end"], "waiting": {}, "primary": "start", "next": None}
    game.send("start")
    during_reading = actions(game)
    assert during_reading["primary"] == "open" and during_reading["waiting"] == {"open": "too_early"}
    assert set(during_reading["allowed"]) == {"open", "reveal", "pause", "adjust", "end"}
    game.now += 3000
    assert actions(game)["waiting"] == {} and actions(game)["primary"] == "open"
    game.send("open")
    answering = actions(game)
    assert answering["primary"] is None  # waiting for the team; the host may mark or call time
    assert set(answering["allowed"]) == {"lock", "mark", "pause", "adjust", "end"}
    game.send("lock")  # called early: judged as time up
    assert game.state.verdict == Verdict.TIMEOUT
    assert actions(game)["primary"] == "reveal" and "undo" in actions(game)["allowed"]
    game.send("reveal")
    assert actions(game)["primary"] == "next" and actions(game)["next"] == "question"
    game.send("next"), game.send("open", later=3000), game.send("answer", Role.TEAM, 2, choice="A"), game.send("reveal")
    assert actions(game)["next"] == "round" and actions(game)["primary"] == "scoreboard"
    game.send("scoreboard")
    assert actions(game)["primary"] == "next"
    game.send("next")
    game.send("open")
    assert actions(game)["primary"] == "lock"  # close the buzzer early
    game.send("pause")
    assert actions(game)["allowed"] == ["resume", "adjust", "end"] and actions(game)["primary"] == "resume"
    game.send("resume"), game.send("reveal")
    assert actions(game)["next"] == "finish"
    game.send("end")
    assert actions(game) == {"allowed": ["adjust"], "waiting": {}, "primary": None, "next": None}


def test_host_actions_wait_for_the_risk_value_and_agree_with_apply():
    game = Game(risk(), judged(), judges=(7,))
    game.send("start")
    assert actions(game)["waiting"] == {"open": "no_risk_value"}
    game.send("risk", Role.TEAM, 1, value=20)
    assert actions(game)["waiting"] == {}
    for _ in range(3):
        game.send("reveal"), game.send("next")
    game.send("open")
    judging = actions(game)
    assert judging["primary"] == "lock" and "reveal" not in judging["allowed"]  # close the judging
    for command in ("start", "open", "mark", "reveal", "scoreboard", "next", "resume", "undo"):
        if command not in judging["allowed"]:
            with pytest.raises(Refusal):
                apply(game.state, game.config, game.scores, Role.HOST, None, command, {"verdict": "correct"}, game.now)
