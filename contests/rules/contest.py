"""The contest as a state machine: `apply` one command to a State and get the new State plus what
to persist (score events, an answer, a buzz, a judge's sheet). No sockets, no ORM.

Times are epoch milliseconds on the server clock; deadlines are absolute instants.
"""
import copy
from dataclasses import asdict, dataclass, field

from core.choices import is_correct

from core.judging import ScoreSheetError, aggregate, sheet_total
from .phases import Phase, Role, RoundKind, Verdict, allowed
from .refusal import Refusal
from .scoring import risk_order, tied_for_first, verdict_delta

OPTION_LETTERS = set("ABCDEFGH")
MAX_ADJUST = 1000
# The team commands refused as too late after the question's deadline of the same name.
LATE_AFTER = {"buzz": "the buzzer has closed", "answer": "the time to answer is over"}
DEADLINE_OF = {Phase.BUZZER_OPEN: "buzz", Phase.ANSWERING: "answer"}


@dataclass(frozen=True)
class Slot:
    """One question (or, in a judged round, one performance) of a round."""

    id: int
    team: int | None = None  # the team it belongs to (compulsory, risk, judged)
    correct: str = ""  # correct option labels, e.g. "B" or "ACD"


@dataclass(frozen=True)
class RoundConfig:
    kind: RoundKind
    slots: tuple = ()
    points: int = 10
    wrong_penalty: int = 0
    timeout_penalty: int = 0
    reading_seconds: float = 5
    answer_seconds: float = 20
    buzz_seconds: float = 10
    risk_values: tuple = (10, 20, 30)
    risk_in_score_order: bool = False
    early_buzz: str = "penalty"  # "penalty": lose early_buzz_penalty and sit out; "void": ignored
    early_buzz_penalty: int = 5
    criteria: tuple = ()  # ((name, maximum), ...) for judged rounds
    aggregate: str = "mean"
    hand_to_audience: bool = False  # buzzer/tie-break: a question nobody buzzed goes to the hall


@dataclass(frozen=True)
class Config:
    start_score: int
    teams: tuple
    rounds: tuple
    judges: tuple = ()


@dataclass
class State:
    phase: Phase = Phase.LOBBY
    version: int = 0
    round: int = -1
    turn: int = -1
    order: list = field(default_factory=list)  # slot indices of the current round, in play order
    team: int | None = None  # the team whose turn it is (owner or buzz winner)
    eligible: list = field(default_factory=list)  # tie-break: only these teams may buzz
    locked_out: list = field(default_factory=list)
    risk_value: int | None = None
    deadline: int | None = None
    reading_until: int | None = None
    choice: str | None = None
    verdict: Verdict | None = None
    delta: int | None = None
    sheets: dict = field(default_factory=dict)  # judge id (str) -> total, hidden until revealed
    paused: dict | None = None
    # The deadlines of the question on screen ("buzz", "answer"), kept after they closed: a team's
    # buzz or answer arriving after its deadline is too late, whatever the phase is by then.
    deadlines: dict = field(default_factory=dict)

    def to_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        state = cls(**copy.deepcopy(data))
        state.phase = Phase(state.phase)
        state.verdict = Verdict(state.verdict) if state.verdict else None
        return state

    def slot_index(self):
        return self.order[self.turn] if 0 <= self.turn < len(self.order) else None


@dataclass
class Outcome:
    state: State
    events: list = field(default_factory=list)  # (team, delta, reason)
    answer: dict | None = None  # {"slot", "team", "choice", "verdict", "delta", "risk_value"}
    void_answer: int | None = None  # slot whose current answer an undo voids
    buzz: dict | None = None  # {"slot", "team"}
    sheet: dict | None = None  # {"slot", "team", "judge", "sheet", "total"}


def current_round(config, state):
    return config.rounds[state.round] if 0 <= state.round < len(config.rounds) else None


def current_slot(config, state):
    index = state.slot_index()
    return None if index is None else current_round(config, state).slots[index]


def apply(state, config, scores, role, actor, command, args, now):
    """Apply `command` sent by `role` (`actor`: a team id, a judge's user id) at server time `now`.

    `scores` are the teams' current scores. Raises Refusal and changes nothing when refused.
    """
    late = state.deadlines.get(command) if role == Role.TEAM and command in LATE_AFTER else None
    if late is not None and now > late:
        raise Refusal("too_late", LATE_AFTER[command])
    refusal = allowed(command, role, state.phase)
    if refusal:
        raise Refusal(refusal, f"{command!r} is not allowed for {role} in phase {state.phase}")
    if role == Role.TEAM and actor not in config.teams:
        raise Refusal("forbidden", "unknown team")
    outcome = Outcome(State.from_dict(state.to_dict()))
    _COMMANDS[command](outcome, config, scores, actor, args or {}, now)
    new = outcome.state
    if new.deadline is not None and new.phase in DEADLINE_OF:
        new.deadlines[DEADLINE_OF[new.phase]] = new.deadline
    new.version += 1
    return outcome


# Progress ----------------------------------------------------------------------------------
def _start(out, config, scores, actor, args, now):
    _enter_round(out, config, scores, 0, now)


def _enter_round(out, config, scores, index, now):
    state = out.state
    while index < len(config.rounds):
        round_config = config.rounds[index]
        order = list(range(len(round_config.slots)))
        eligible = []
        if round_config.kind == RoundKind.RISK and round_config.risk_in_score_order:
            ranked = risk_order(list(config.teams), scores)
            order.sort(key=lambda i: ranked.index(round_config.slots[i].team) if round_config.slots[i].team in ranked else len(ranked))
        if round_config.kind == RoundKind.TIEBREAK:
            eligible = tied_for_first(scores)
            if not eligible:
                order = []
        if order:
            state.round, state.order, state.eligible = index, order, eligible
            _show(out, config, 0, now)
            return
        index += 1
    _finish(state)


def _show(out, config, turn, now):
    state = out.state
    state.turn = turn
    slot = current_slot(config, state)
    state.phase = Phase.READING
    state.team = slot.team
    state.locked_out, state.sheets, state.deadlines = [], {}, {}
    state.risk_value = state.choice = state.verdict = state.delta = state.deadline = None
    state.reading_until = now + int(current_round(config, state).reading_seconds * 1000)


def _finish(state):
    state.phase = Phase.FINISHED
    state.team = state.deadline = state.reading_until = None


def _next(out, config, scores, actor, args, now):
    state = out.state
    round_config = current_round(config, state)
    decided = round_config.kind == RoundKind.TIEBREAK and not tied_for_first(
        {team: scores[team] for team in state.eligible}
    )
    if decided or state.turn + 1 >= len(state.order):
        _enter_round(out, config, scores, state.round + 1, now)
    else:
        _show(out, config, state.turn + 1, now)


def _open(out, config, scores, actor, args, now):
    state = out.state
    round_config = current_round(config, state)
    if state.reading_until is not None and now < state.reading_until:
        raise Refusal("too_early", "the reading pause is not over yet")
    state.reading_until = None
    if round_config.kind == RoundKind.JUDGED:
        state.phase = Phase.JUDGING
    elif round_config.kind in (RoundKind.BUZZER, RoundKind.TIEBREAK):
        state.phase = Phase.BUZZER_OPEN
        state.deadline = now + int(round_config.buzz_seconds * 1000)
    else:
        if round_config.kind == RoundKind.RISK and state.risk_value is None:
            raise Refusal("no_risk_value", "the team has not chosen its risk value yet")
        state.phase = Phase.ANSWERING
        state.deadline = now + int(round_config.answer_seconds * 1000)


# Teams -------------------------------------------------------------------------------------
def _buzz(out, config, scores, team, args, now):
    state = out.state
    round_config = current_round(config, state)
    if round_config is None or round_config.kind not in (RoundKind.BUZZER, RoundKind.TIEBREAK):
        raise Refusal("wrong_phase", "this is not a buzzer round")
    if state.eligible and team not in state.eligible:
        raise Refusal("not_eligible", "only the tied teams play the tie-break")
    if team in state.locked_out:
        raise Refusal("locked_out", "your team is locked out of this question")
    slot = current_slot(config, state)
    if state.phase == Phase.READING:
        if round_config.early_buzz == "void":
            raise Refusal("too_early", "the buzzer is not open yet")
        state.locked_out.append(team)
        out.events.append((team, -round_config.early_buzz_penalty, "early buzz"))
        return
    if state.phase != Phase.BUZZER_OPEN:
        raise Refusal("buzz_closed", "the buzzer is closed for this question")
    if now > state.deadline:
        raise Refusal("too_late", "the buzzer has closed")
    state.phase = Phase.ANSWERING
    state.team = team
    state.deadline = now + int(round_config.answer_seconds * 1000)
    out.buzz = {"slot": slot.id, "team": team}


def _risk(out, config, scores, team, args, now):
    state = out.state
    round_config = current_round(config, state)
    if round_config.kind != RoundKind.RISK:
        raise Refusal("wrong_phase", "this is not a risk round")
    if team != state.team:
        raise Refusal("not_your_turn", "it is another team's turn")
    value = args.get("value")
    if isinstance(value, bool) or value not in round_config.risk_values:
        raise Refusal("bad_value", f"choose one of {', '.join(map(str, round_config.risk_values))}")
    state.risk_value = value


def _answer(out, config, scores, team, args, now):
    state = out.state
    if team != state.team:
        raise Refusal("not_your_turn", "it is another team's turn")
    if now > state.deadline:
        raise Refusal("too_late", "the time to answer is over")
    choice = args.get("choice")
    if not isinstance(choice, str) or not choice or not set(choice.upper()) <= OPTION_LETTERS or len(choice) > 8:
        raise Refusal("bad_value", "choose one or more of the options A-H")
    choice = "".join(sorted(set(choice.upper())))
    correct = is_correct(choice, current_slot(config, state).correct)
    _judge(out, config, Verdict.CORRECT if correct else Verdict.WRONG, choice)


# Judgments ---------------------------------------------------------------------------------
def _judge(out, config, verdict, choice):
    state = out.state
    round_config = current_round(config, state)
    delta = verdict_delta(round_config, verdict, state.risk_value)
    if delta:
        out.events.append((state.team, delta, str(verdict)))
    out.answer = {
        "slot": current_slot(config, state).id,
        "team": state.team,
        "choice": choice or "",
        "verdict": str(verdict),
        "delta": delta,
        "risk_value": state.risk_value,
    }
    state.phase = Phase.JUDGING
    state.choice, state.verdict, state.delta, state.deadline = choice, verdict, delta, None


def _mark(out, config, scores, actor, args, now):
    state = out.state
    try:
        verdict = Verdict(args.get("verdict"))
    except ValueError:
        raise Refusal("bad_value", "verdict must be correct, wrong or timeout") from None
    if verdict == Verdict.TIMEOUT and now <= state.deadline:
        raise Refusal("not_yet", "the time to answer is not over")
    _judge(out, config, verdict, None)


def _close_unbuzzed(out, config):
    """Nobody buzzed: the hall gets the question (if the round says so) or the answer is revealed."""
    state = out.state
    state.phase = Phase.AUDIENCE if current_round(config, state).hand_to_audience else Phase.REVEALED
    state.deadline = None


def _lock(out, config, scores, actor, args, now):
    state = out.state
    round_config = current_round(config, state)
    if state.phase == Phase.BUZZER_OPEN:
        _close_unbuzzed(out, config)
    elif state.phase == Phase.ANSWERING:  # the host may call time before the deadline
        _judge(out, config, Verdict.TIMEOUT, None)
    elif round_config.kind == RoundKind.JUDGED:
        _close_judging(out, config)
    else:
        raise Refusal("wrong_phase", "nothing to lock")


def _expire(out, config, scores, actor, args, now):
    """The server's clock says the deadline has passed: close what waited for it, as the host's
    lock would. Refused (so a no-op) before the deadline or once anyone closed it already."""
    state = out.state
    if state.deadline is None or now <= state.deadline:
        raise Refusal("not_yet", "the deadline has not passed")
    if state.phase == Phase.BUZZER_OPEN:
        _close_unbuzzed(out, config)
    else:
        _judge(out, config, Verdict.TIMEOUT, None)


def _undo(out, config, scores, actor, args, now):
    state = out.state
    if state.verdict is None:
        raise Refusal("nothing_to_undo", "there is no judgment to undo")
    if state.delta:
        out.events.append((state.team, -state.delta, "undo"))
    out.void_answer = current_slot(config, state).id
    state.phase = Phase.ANSWERING
    state.choice = state.verdict = state.delta = None
    state.deadline = now + int(current_round(config, state).answer_seconds * 1000)


def _reveal(out, config, scores, actor, args, now):
    state = out.state
    if state.phase == Phase.JUDGING and current_round(config, state).kind == RoundKind.JUDGED:
        raise Refusal("wrong_phase", "close the judging first")
    state.phase = Phase.REVEALED
    state.deadline = state.reading_until = None


def _score(out, config, scores, judge, args, now):
    state = out.state
    round_config = current_round(config, state)
    if round_config.kind != RoundKind.JUDGED:
        raise Refusal("wrong_phase", "this round is not judged")
    if judge not in config.judges:
        raise Refusal("forbidden", "you are not a judge of this contest")
    if str(judge) in state.sheets:
        raise Refusal("already_scored", "you have already scored this performance")
    sheet = args.get("sheet")
    if not isinstance(sheet, dict):
        raise Refusal("bad_value", "a score sheet is an object of criterion: points")
    try:
        total = sheet_total(round_config.criteria, sheet)
    except ScoreSheetError as error:
        raise Refusal("bad_value", str(error)) from None
    state.sheets[str(judge)] = total
    slot = current_slot(config, state)
    out.sheet = {"slot": slot.id, "team": slot.team, "judge": judge, "sheet": sheet, "total": total}
    if len(state.sheets) == len(config.judges):
        _close_judging(out, config)


def _close_judging(out, config):
    state = out.state
    round_config = current_round(config, state)
    score = aggregate(list(state.sheets.values()), round_config.aggregate)
    if score:
        out.events.append((state.team, score, "judges"))
    state.delta = score
    state.phase = Phase.REVEALED


# Host controls -----------------------------------------------------------------------------
def _scoreboard(out, config, scores, actor, args, now):
    out.state.phase = Phase.SCOREBOARD


def _pause(out, config, scores, actor, args, now):
    state = out.state
    remaining = None if state.deadline is None else max(0, state.deadline - now)
    reading = None if state.reading_until is None else max(0, state.reading_until - now)
    state.paused = {"phase": str(state.phase), "remaining": remaining, "reading": reading}
    state.deadlines = {kind: at for kind, at in state.deadlines.items() if at < now}  # the rest is suspended
    state.phase, state.deadline, state.reading_until = Phase.PAUSED, None, None


def _resume(out, config, scores, actor, args, now):
    state = out.state
    paused = state.paused
    state.phase = Phase(paused["phase"])
    state.deadline = None if paused["remaining"] is None else now + paused["remaining"]
    state.reading_until = None if paused["reading"] is None else now + paused["reading"]
    state.paused = None


def _end(out, config, scores, actor, args, now):
    out.state.paused = None
    _finish(out.state)


def _adjust(out, config, scores, actor, args, now):
    team, delta, reason = args.get("team"), args.get("delta"), args.get("reason")
    if team not in config.teams:
        raise Refusal("bad_value", "unknown team")
    if isinstance(delta, bool) or not isinstance(delta, int) or not 0 < abs(delta) <= MAX_ADJUST:
        raise Refusal("bad_value", f"delta must be a non-zero whole number up to {MAX_ADJUST}")
    if not isinstance(reason, str) or not reason.strip() or len(reason) > 200:
        raise Refusal("bad_value", "a reason (up to 200 characters) is required")
    out.events.append((team, delta, f"adjust: {reason.strip()}"))


_COMMANDS = {
    "start": _start,
    "open": _open,
    "lock": _lock,
    "expire": _expire,
    "mark": _mark,
    "undo": _undo,
    "reveal": _reveal,
    "scoreboard": _scoreboard,
    "next": _next,
    "pause": _pause,
    "resume": _resume,
    "end": _end,
    "adjust": _adjust,
    "buzz": _buzz,
    "risk": _risk,
    "answer": _answer,
    "score": _score,
}

# The host's view of the table above ------------------------------------------------------------
HOST_COMMANDS = ("start", "resume", "open", "lock", "mark", "reveal", "scoreboard", "next", "pause", "adjust",
                 "undo", "end")
# Allowed in this phase but waiting for something (the reading pause, the team's risk value).
WAITING = ("too_early", "no_risk_value")
# The natural next step, by preference; in `answering` the host waits for the answer (or marks it).
PRIMARY = ("start", "resume", "open", "lock", "reveal", "next")


def _probe_args(command, config):
    if command == "mark":
        return {"verdict": str(Verdict.CORRECT)}
    if command == "adjust":
        return {"team": config.teams[0], "delta": 1, "reason": "probe"} if config.teams else None
    return {}


def host_actions(state, config, scores, now):
    """The host commands `apply` would accept now, found by applying each to a copy (nothing is
    kept): {"allowed": [...], "waiting": {command: refusal code}, "primary": command or None,
    "next": "question" | "round" | "finish" (where `next` leads)}. A waiting command is listed
    (the console shows it disabled) and becomes possible without another command."""
    actions, waiting, leads = [], {}, None
    for command in HOST_COMMANDS:
        if allowed(command, Role.HOST, state.phase):
            continue
        args = _probe_args(command, config)
        if args is None:
            continue
        try:
            after = apply(state, config, scores, Role.HOST, None, command, args, now).state
        except Refusal as refusal:
            if refusal.code not in WAITING:
                continue
            waiting[command] = refusal.code
        else:
            if command == "next":
                leads = ("finish" if after.phase == Phase.FINISHED
                         else "round" if after.round != state.round else "question")
        actions.append(command)
    primary = None
    if state.phase == Phase.REVEALED and leads in ("round", "finish") and "scoreboard" in actions:
        primary = "scoreboard"  # the end of a round: the scores first
    elif state.phase != Phase.ANSWERING:
        primary = next((command for command in PRIMARY if command in actions), None)
    return {"allowed": actions, "waiting": waiting, "primary": primary, "next": leads}


__all__ = ["host_actions", "Config", "Outcome", "Phase", "Role", "RoundConfig", "RoundKind", "Refusal", "Slot", "State", "apply"]
