"""Run one command on a contest: lock the contest row, apply the rules, persist what they decided
(score events, answer, buzz, judge's sheet) in the same transaction, and return the frames to
broadcast. Consumers and views call only this to change a contest."""
from django.db.models import Prefetch

from contests.live.clock import server_time_ms
from contests.live.storage import insert_once
from contests.live.writer import change_locked
from contests.rules.contest import Config, RoundConfig, Slot, State, apply, current_slot
from contests.rules.phases import Phase, Role, RoundKind
from contests.rules.refusal import Refusal

from .frames import audience_frames, contest_state
from .models import Answer, Buzz, Contest, JudgeScore, RoundQuestion, ScoreEvent


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


def run(contest_id, role, actor, actor_label, command, args, now=None):
    """Apply `command` for `role`; returns {audience: frame}. Raises Refusal, changing nothing."""

    def change(contest):
        if command == "reset":
            event = _reset(contest, role)
        else:
            config = contest_config(contest)
            outcome = apply(contest_state(contest), config, contest.scores(), role, actor, command, args,
                            server_time_ms() if now is None else now)
            slot = current_slot(config, outcome.state) if outcome.state.phase != Phase.FINISHED else None
            _persist(contest, outcome, actor_label, slot.id if slot else None)
            contest.state = outcome.state.to_dict()
            event = {"command": command, "team": outcome.buzz["team"] if outcome.buzz else None}
        phase = contest_state(contest).phase
        contest.status = {Phase.LOBBY: Contest.Status.DRAFT, Phase.FINISHED: Contest.Status.FINISHED}.get(
            phase, Contest.Status.RUNNING)
        contest.save(update_fields=["state", "status", "rehearsal"])
        return audience_frames(contest, event)

    return change_locked(Contest, contest_id, change)


def _persist(contest, outcome, actor_label, slot_id):
    if outcome.buzz:
        _, won = insert_once(Buzz, slot_id=outcome.buzz["slot"], team_id=outcome.buzz["team"])
        if not won:
            raise Refusal("buzz_closed", "another team buzzed first")
    if outcome.void_answer is not None:
        Answer.objects.filter(slot_id=outcome.void_answer, voided=False).update(voided=True)
    if outcome.answer:
        answer = outcome.answer
        _, stored = insert_once(
            Answer, contest=contest, slot_id=answer["slot"], team_id=answer["team"], choice=answer["choice"],
            verdict=answer["verdict"], delta=answer["delta"], risk_value=answer["risk_value"], judged_by=actor_label,
        )
        if not stored:
            raise Refusal("already_answered", "this question has already been answered")
    if outcome.sheet:
        sheet = outcome.sheet
        _, stored = insert_once(JudgeScore, slot_id=sheet["slot"], team_id=sheet["team"], judge_id=sheet["judge"],
                                sheet=sheet["sheet"], total=sheet["total"])
        if not stored:
            raise Refusal("already_scored", "you have already scored this performance")
    ScoreEvent.objects.bulk_create(
        ScoreEvent(contest=contest, team_id=team, delta=delta, reason=reason, slot_id=slot_id, actor=actor_label)
        for team, delta, reason in outcome.events
    )


def _reset(contest, role):
    """Clear a rehearsal's answers, buzzes, sheets and score events; the contest starts for real."""
    if role != Role.HOST:
        raise Refusal("forbidden", "only the host may reset a rehearsal")
    if not contest.rehearsal:
        raise Refusal("not_rehearsal", "only a rehearsal can be cleared")
    Answer.objects.filter(contest=contest).delete()
    Buzz.objects.filter(slot__round__contest=contest).delete()
    JudgeScore.objects.filter(slot__round__contest=contest).delete()
    ScoreEvent.objects.filter(contest=contest).delete()
    contest.state = State(version=contest_state(contest).version + 1).to_dict()
    contest.rehearsal = False
    return {"command": "reset", "team": None}
