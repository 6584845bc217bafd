"""Property tests: random legal and illegal command sequences keep the contest state valid."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contests.rules.contest import Config, RoundConfig, Slot, State, apply, current_round
from contests.rules.phases import COMMANDS, Phase, Role, RoundKind
from contests.rules.refusal import Refusal
from tests.rules.scores import team_scores

TEAMS = (1, 2, 3)
JUDGES = (7, 8)
CONFIG = Config(
    start_score=100,
    teams=TEAMS,
    judges=JUDGES,
    rounds=(
        RoundConfig(kind=RoundKind.COMPULSORY, slots=tuple(Slot(10 + t, team=t, correct="B") for t in TEAMS),
                    reading_seconds=1, answer_seconds=5, wrong_penalty=5, timeout_penalty=5),
        RoundConfig(kind=RoundKind.BUZZER, slots=(Slot(20, correct="A"), Slot(21, correct="CD")),
                    reading_seconds=0, buzz_seconds=3, answer_seconds=3, wrong_penalty=10),
        RoundConfig(kind=RoundKind.RISK, slots=tuple(Slot(30 + t, team=t, correct="C") for t in TEAMS),
                    reading_seconds=0, risk_in_score_order=True),
        RoundConfig(kind=RoundKind.JUDGED, slots=(Slot(40, team=2),), criteria=(("c", 10),), reading_seconds=0),
        RoundConfig(kind=RoundKind.TIEBREAK, slots=(Slot(50, correct="A"), Slot(51, correct="B")), reading_seconds=0,
                    hand_to_audience=True),
    ),
)

actors = {Role.HOST: st.just(None), Role.JUDGE: st.sampled_from(JUDGES + (99,)), Role.TEAM: st.sampled_from(TEAMS + (9,)),
          Role.SCREEN: st.just(None), Role.CLOCK: st.just(None)}
args = st.fixed_dictionaries({}, optional={
    "choice": st.sampled_from(["A", "B", "CD", "DC", "Z", "", 5]),
    "verdict": st.sampled_from(["correct", "wrong", "timeout", "bogus"]),
    "value": st.sampled_from([10, 20, 30, 15, True, "10"]),
    "team": st.sampled_from([1, 2, 3, 9, "1"]),
    "delta": st.sampled_from([5, -5, 0, 5000, 1.5]),
    "reason": st.sampled_from(["复核", "", None]),
    "sheet": st.sampled_from([{"c": 7}, {"c": 11}, {}, "x"]),
})
# Mostly plausible host and team moves, so that games get far; plus anything from any role.
host_step = st.tuples(
    st.just(Role.HOST), st.just(None),
    st.sampled_from(["start", "open", "reveal", "next", "lock", "mark", "mark", "undo", "scoreboard", "pause", "resume"]),
    st.fixed_dictionaries({"verdict": st.sampled_from(["correct", "wrong", "timeout"])}), st.integers(0, 6000),
)
team_step = st.tuples(
    st.just(Role.TEAM), st.sampled_from(TEAMS), st.sampled_from(["buzz", "answer", "risk"]),
    st.fixed_dictionaries({"choice": st.sampled_from(["A", "B", "C", "CD"]), "value": st.sampled_from([10, 20, 30])}),
    st.integers(0, 2000),
)
judge_step = st.tuples(
    st.just(Role.JUDGE), st.sampled_from(JUDGES), st.just("score"),
    st.fixed_dictionaries({"sheet": st.fixed_dictionaries({"c": st.integers(0, 10)})}), st.integers(0, 2000),
)
any_step = st.sampled_from(list(Role)).flatmap(
    lambda role: st.tuples(st.just(role), actors[role], st.sampled_from(sorted(COMMANDS) + ["bogus"]), args,
                           st.integers(0, 4000))
)
# The server's deadline check, fired at any moment (early, on time, twice, by several processes).
clock_step = st.tuples(st.just(Role.CLOCK), st.just(None), st.just("expire"), st.just({}), st.integers(0, 12_000))
step = st.one_of(host_step, host_step, team_step, judge_step, clock_step, clock_step, any_step)


def check(state):
    assert state.phase in Phase
    if state.phase in (Phase.ANSWERING, Phase.BUZZER_OPEN):
        assert state.deadline is not None
    if state.phase == Phase.ANSWERING:
        assert state.team in TEAMS
    if state.phase == Phase.PAUSED:
        assert state.paused and state.paused["phase"] not in (Phase.PAUSED, Phase.LOBBY, Phase.FINISHED)
    if state.phase not in (Phase.LOBBY, Phase.FINISHED, Phase.PAUSED):
        assert 0 <= state.round < len(CONFIG.rounds) and 0 <= state.turn < len(state.order)
    assert set(state.locked_out) <= set(TEAMS)


# Each round kind also comes first, so that short sequences reach it.
CONFIGS = [Config(CONFIG.start_score, TEAMS, CONFIG.rounds[i:] + CONFIG.rounds[:i], JUDGES) for i in range(len(CONFIG.rounds))]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CONFIGS), st.lists(step, min_size=20, max_size=120))
def test_random_sequences_keep_the_state_valid_and_scores_equal_start_plus_events(config, steps):
    state, now, events = State(), 1_000_000, []
    answers = {}  # (slot) -> list of [answer, voided]
    buzzes = set()
    for role, actor, command, arguments, wait in steps:
        now += wait
        scores = team_scores(CONFIG.start_score, TEAMS, [(t, d) for t, d, _ in events])
        before = state.to_dict()
        try:
            out = apply(state, config, scores, role, actor, command, arguments, now)
        except (Refusal, KeyError) as error:
            assert isinstance(error, Refusal), f"{command} raised {error!r}"
            assert state.to_dict() == before
            continue
        assert out.state.version == state.version + 1
        if command == "expire":  # only once the deadline has passed, and it closes what waited for it
            assert now > state.deadline and out.state.deadline is None
            assert out.state.phase in (Phase.REVEALED, Phase.AUDIENCE, Phase.JUDGING)
        if out.state.phase == Phase.AUDIENCE:  # the hall answers: no team scores
            assert state.phase in (Phase.BUZZER_OPEN, Phase.AUDIENCE, Phase.PAUSED)
            assert current_round(config, out.state).hand_to_audience
            assert out.answer is None and out.buzz is None and (command == "adjust" or not out.events)
        if state.phase == Phase.FINISHED:
            assert command == "adjust" and out.state.phase == Phase.FINISHED
        if out.buzz:
            assert out.buzz["slot"] not in buzzes  # one winner per question
            buzzes.add(out.buzz["slot"])
        if out.void_answer is not None:
            live = [a for a in answers[out.void_answer] if not a[1]]
            live[-1][1] = True
        if out.answer:
            slot_answers = answers.setdefault(out.answer["slot"], [])
            assert not any(not voided for _, voided in slot_answers)  # one live answer per question
            slot_answers.append([out.answer, False])
        events += out.events
        state = out.state
        check(state)
    # Answer deltas that still stand plus the other kinds of events explain every score.
    scores = team_scores(CONFIG.start_score, TEAMS, [(t, d) for t, d, _ in events])
    for team in TEAMS:
        standing = sum(a["delta"] for slot in answers.values() for a, voided in slot if a["team"] == team and not voided)
        other = sum(d for t, d, reason in events if t == team and reason not in ("correct", "wrong", "timeout", "undo"))
        assert scores[team] == CONFIG.start_score + standing + other


# Deadlines: tie-break (all tied at the start; it hands unbuzzed questions to the audience), buzzer
# and compulsory questions, with the server's check firing at random moments, as often as several
# processes would.
TIMED = Config(100, TEAMS, (CONFIG.rounds[4], CONFIG.rounds[1], CONFIG.rounds[0]), JUDGES)
timed_step = st.one_of(
    st.tuples(st.just(Role.HOST), st.just(None), st.sampled_from(["open", "lock", "reveal", "next", "pause", "resume"]),
              st.just({}), st.integers(0, 2000)),
    team_step,
    st.tuples(st.just(Role.CLOCK), st.just(None), st.just("expire"), st.just({}), st.integers(0, 12_000)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(timed_step, min_size=10, max_size=80))
def test_the_deadline_check_closes_exactly_what_waits_for_it_once(steps):
    state, now, events = apply(State(), TIMED, dict.fromkeys(TEAMS, 100), Role.HOST, None, "start", {}, 0).state, 0, []
    for role, actor, command, arguments, wait in steps:
        now += wait
        scores = team_scores(TIMED.start_score, TEAMS, [(t, d) for t, d, _ in events])
        due = state.phase in (Phase.BUZZER_OPEN, Phase.ANSWERING) and now > state.deadline
        try:
            out = apply(state, TIMED, scores, role, actor, command, arguments, now)
        except Refusal as error:
            assert command != "expire" or not due, error
            continue
        if command == "expire":
            assert due and out.state.deadline is None
            if state.phase == Phase.BUZZER_OPEN:
                expected = Phase.AUDIENCE if current_round(TIMED, state).hand_to_audience else Phase.REVEALED
                assert out.state.phase == expected and not out.events
            else:
                assert out.state.phase == Phase.JUDGING and out.answer["verdict"] == "timeout"
            with pytest.raises(Refusal):  # a second process firing at the same moment changes nothing
                apply(out.state, TIMED, scores, role, actor, command, arguments, now)
        if out.state.phase == Phase.AUDIENCE:
            assert not out.events and out.answer is None
        if command in ("buzz", "answer"):
            assert not due or state.phase not in (Phase.BUZZER_OPEN, Phase.ANSWERING)  # nothing late gets in
        events += out.events
        state = out.state
        check(state)
