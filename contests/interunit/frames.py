"""What each role sees of a contest: one dict per audience, used both for the snapshot on connect
and for the frame broadcast after every change. The correct answer and the explanation go to the
host only, until the reveal; judges' sheets stay hidden until the judging closes."""
from contests.live.clock import server_time_ms
from contests.rules.contest import State, host_actions
from contests.rules.phases import Phase, Role, RoundKind, Verdict

from .models import JudgeScore, RoundQuestion, ScoreEvent
from .rules_config import contest_config

AUDIENCES = ("host", "judges", "screen", "teams")
REVEALED = (Phase.REVEALED, Phase.SCOREBOARD)


def contest_state(contest):
    return State.from_dict(contest.state) if contest.state else State()


def current_slot(contest, state):
    """The RoundQuestion in play, or None."""
    index = state.slot_index()
    if index is None or state.phase == Phase.FINISHED:
        return None
    rounds = list(contest.rounds.all())
    if not 0 <= state.round < len(rounds):
        return None
    slots = list(RoundQuestion.objects.filter(round=rounds[state.round]).select_related("question", "round"))
    return slots[index] if index < len(slots) else None


def view(contest, role, event=None):
    state = contest_state(contest)
    shown_phase = Phase(state.paused["phase"]) if state.phase == Phase.PAUSED else state.phase
    revealed = shown_phase in REVEALED
    scores = contest.scores()
    if role != Role.HOST and shown_phase == Phase.JUDGING and state.verdict and state.delta:
        scores[state.team] -= state.delta  # the score would give the held-back verdict away
    data = {
        "version": state.version,
        "contest": {"id": contest.pk, "title": contest.title, "status": contest.status, "rehearsal": contest.rehearsal,
                    "sound": contest.sound},
        "phase": str(state.phase),
        "paused_phase": state.paused["phase"] if state.paused else None,
        "teams": [
            {"id": t.pk, "name": t.name, "unit": t.unit, "colour": t.colour, "score": scores[t.pk]}
            for t in contest.teams.all()
        ],
        "team": state.team,
        "eligible": state.eligible,
        "locked_out": state.locked_out,
        "risk_value": state.risk_value,
        "deadline": state.deadline,
        "reading_until": state.reading_until,
        "round": None,
        "rounds": [{"number": number, "title": rnd.title, "kind": rnd.kind}
                   for number, rnd in enumerate(contest.rounds.all(), start=1)],
        "question": None,
        "timed_out": state.verdict == Verdict.TIMEOUT,  # the hall saw the time run out: no secret
        "event": event,
    }
    slot = current_slot(contest, state)
    if slot:
        rnd = slot.round
        data["round"] = {
            "title": rnd.title, "kind": rnd.kind, "points": rnd.points, "number": state.round + 1,
            "turn": state.turn + 1, "turns": len(state.order), "risk_values": rnd.risk_values,
            "criteria": rnd.criteria if rnd.kind == RoundKind.JUDGED else [],
            "wrong_penalty": rnd.wrong_penalty, "timeout_penalty": rnd.timeout_penalty,
            "answer_seconds": rnd.answer_seconds, "buzz_seconds": rnd.buzz_seconds, "early_buzz": rnd.early_buzz,
            "early_buzz_penalty": rnd.early_buzz_penalty, "hand_to_audience": rnd.hand_to_audience,
        }
        question = slot.question
        if question and (rnd.kind != RoundKind.RISK or state.risk_value is not None or role == Role.HOST):
            data["question"] = question.public_payload()
        if question and (role == Role.HOST or revealed):
            data["reveal"] = question.reveal_payload()
        if state.verdict and (role == Role.HOST or revealed):
            data["verdict"] = {"choice": state.choice, "verdict": str(state.verdict), "delta": state.delta}
        data["answered"] = state.verdict is not None
        if rnd.kind == RoundKind.JUDGED:
            data["sheets_count"] = len(state.sheets)
            data["judges_count"] = contest.judges.count()
            if role == Role.HOST or revealed:
                data["sheets"] = [
                    {"judge": score.judge.get_full_name() or score.judge.get_username(), "total": score.total}
                    for score in JudgeScore.objects.filter(slot=slot).select_related("judge")
                ]
                data["judged_score"] = state.delta if revealed else None
            if role == Role.JUDGE:
                data["submitted"] = [int(judge) for judge in state.sheets]
    if role == Role.HOST:
        data["actions"] = host_actions(state, contest_config(contest), scores, server_time_ms())  # unmasked for the host
        if contest.rehearsal:
            data["actions"]["allowed"].append("reset")
        data["audit"] = [
            {"team": e.team_id, "delta": e.delta, "reason": e.reason, "actor": e.actor, "at": e.created_at.isoformat()}
            for e in ScoreEvent.objects.filter(contest=contest).order_by("-created_at", "-pk")[:30]
        ]
    return data


def audience_frames(contest, event=None):
    """{audience: frame} for a broadcast after a change."""
    roles = {"host": Role.HOST, "judges": Role.JUDGE, "screen": Role.SCREEN, "teams": Role.TEAM}
    return {audience: {"type": "state", "v": 1, **view(contest, roles[audience], event)} for audience in AUDIENCES}
