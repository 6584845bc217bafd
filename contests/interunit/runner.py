"""Run one command on a contest: lock the contest row, apply the rules, persist what they decided
(score events, answer, buzz, judge's sheet) in the same transaction, and return the frames to
broadcast. Consumers and views call only this to change a contest."""
from contests.live.clock import server_time_ms
from contests.live.storage import insert_once
from contests.live.writer import change_locked
from contests.rules.contest import State, apply, current_slot
from contests.rules.phases import Phase, Role
from contests.rules.refusal import Refusal

from .extensions import check_guards
from .frames import audience_frames, contest_state
from .models import Answer, Buzz, Contest, JudgeScore, ScoreEvent
from .rules_config import contest_config


def run(contest_id, role, actor, actor_label, command, args, now=None):
    """Apply `command` for `role`; returns {audience: frame}. Raises Refusal, changing nothing."""

    def change(contest):
        check_guards(contest, role, command)
        if command == "reset":
            event = _reset(contest, role)
        elif command == "sound":
            event = _sound(contest, role, args)
        else:
            config = contest_config(contest)
            outcome = apply(contest_state(contest), config, contest.scores(), role, actor, command, args,
                            server_time_ms() if now is None else now)
            slot = current_slot(config, outcome.state) if outcome.state.phase != Phase.FINISHED else None
            _persist(contest, outcome, actor_label, slot.id if slot else None)
            contest.state = outcome.state.to_dict()
            event = {"command": command, "team": _event_team(outcome)}
        phase = contest_state(contest).phase
        contest.status = {Phase.LOBBY: Contest.Status.DRAFT, Phase.FINISHED: Contest.Status.FINISHED}.get(
            phase, Contest.Status.RUNNING)
        contest.save(update_fields=["state", "status", "rehearsal", "sound"])
        return audience_frames(contest, event)

    return change_locked(Contest, contest_id, change)


def _event_team(outcome):
    """The team a buzz concerns: the winner, or the team fouled for buzzing early."""
    if outcome.buzz:
        return outcome.buzz["team"]
    return next((team for team, _, reason in outcome.events if reason == "early buzz"), None)


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


def _sound(contest, role, args):
    """The host switches the big screen's sound on or off (a setting, not a rule: no version bump
    of the rules' state, but a frame to everyone)."""
    if role != Role.HOST:
        raise Refusal("forbidden", "only the host may switch the sound")
    contest.sound = bool(args.get("on"))
    state = contest_state(contest)
    state.version += 1
    contest.state = state.to_dict()
    return {"command": "sound", "team": None}


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
