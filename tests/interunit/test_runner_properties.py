"""Random command sequences through the real command runner and database: whatever is refused
changes nothing, and every team's score equals the starting score plus the sum of its events."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contests.interunit.runner import run
from contests.interunit.models import Answer, Buzz, Contest, ScoreEvent
from contests.rules.refusal import Refusal
from contests.rules.phases import Role

pytestmark = pytest.mark.django_db

COMMANDS = {
    Role.HOST: ["start", "open", "lock", "mark", "undo", "reveal", "scoreboard", "next", "pause", "resume", "adjust", "end"],
    Role.TEAM: ["buzz", "risk", "answer"],
    Role.SCREEN: ["next", "buzz"],
    Role.CLOCK: ["expire"],  # the deadline check, here always before the deadline: refused
}
steps = st.lists(st.tuples(
    st.sampled_from([Role.HOST, Role.HOST, Role.TEAM, Role.TEAM, Role.SCREEN, Role.CLOCK]),
    st.integers(0, 2),  # which team acts (teams) or is adjusted (host)
    st.integers(0, 11),
    st.fixed_dictionaries({
        "choice": st.sampled_from(["A", "B", "B", "Z"]), "verdict": st.sampled_from(["correct", "wrong", "timeout"]),
        "value": st.sampled_from([10, 30, 15]), "delta": st.sampled_from([5, -5, 0]), "reason": st.sampled_from(["复核", ""]),
    }),
), max_size=40)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=steps)
def test_random_commands_keep_scores_equal_to_start_plus_events(contest_factory, db, steps):
    contest = Contest.objects.first() or contest_factory(reading_seconds=0)
    Contest.objects.filter(pk=contest.pk).update(rehearsal=True)
    run(contest.pk, Role.HOST, None, "host", "reset", {})
    teams = list(contest.teams.values_list("pk", flat=True))
    opening = [(Role.HOST, 0, 0, {}), (Role.HOST, 0, 1, {})]  # start, open: the rest is random
    for role, who, index, args in opening + steps:
        commands = COMMANDS[role]
        command = commands[index % len(commands)]
        args = {**args, "team": teams[who]}
        before = (Contest.objects.get(pk=contest.pk).state, ScoreEvent.objects.count(), Answer.objects.count())
        try:
            run(contest.pk, role, teams[who] if role == Role.TEAM else None, str(role), command, args)
        except Refusal:
            assert (Contest.objects.get(pk=contest.pk).state, ScoreEvent.objects.count(), Answer.objects.count()) == before
        contest.refresh_from_db()
        events = {}
        for team, delta in ScoreEvent.objects.filter(contest=contest).values_list("team", "delta"):
            events[team] = events.get(team, 0) + delta
        assert contest.scores() == {team: contest.start_score + events.get(team, 0) for team in teams}
        standing = Answer.objects.filter(contest=contest, voided=False)
        assert standing.count() == len(set(standing.values_list("slot", "team")))
        assert Buzz.objects.filter(slot__round__contest=contest).count() <= 2
