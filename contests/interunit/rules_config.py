"""A contest's set-up as the rules see it (contests.rules.contest.Config)."""
from django.db.models import Prefetch

from contests.rules.contest import Config, RoundConfig, Slot
from contests.rules.phases import RoundKind

from .models import RoundQuestion


def contest_config(contest):
    """The rules' view of a contest's set-up."""
    slots = RoundQuestion.objects.select_related("question").prefetch_related("question__options")
    rounds = []
    for rnd in contest.rounds.prefetch_related(Prefetch("slots", queryset=slots)):
        rounds.append(RoundConfig(
            kind=RoundKind(rnd.kind),
            slots=tuple(Slot(s.pk, s.team_id, s.question.correct_labels() if s.question else "") for s in rnd.slots.all()),
            points=rnd.points, wrong_penalty=rnd.wrong_penalty, timeout_penalty=rnd.timeout_penalty,
            reading_seconds=rnd.reading_seconds, answer_seconds=rnd.answer_seconds, buzz_seconds=rnd.buzz_seconds,
            risk_values=tuple(rnd.risk_values or (10, 20, 30)), risk_in_score_order=rnd.risk_in_score_order,
            early_buzz=rnd.early_buzz, early_buzz_penalty=rnd.early_buzz_penalty, hand_to_audience=rnd.hand_to_audience,
            criteria=tuple((c["name"], int(c["max"])) for c in rnd.criteria), aggregate=rnd.aggregate,
        ))
    return Config(
        start_score=contest.start_score,
        teams=tuple(contest.teams.values_list("pk", flat=True)),
        rounds=tuple(rounds),
        judges=tuple(contest.judges.values_list("pk", flat=True)),
    )
