"""Phases of a live contest, the roles that act in it, and which command each role may send when."""
from enum import StrEnum


class Phase(StrEnum):
    LOBBY = "lobby"
    READING = "reading"  # question shown; a risk team picks its value; no answers yet
    BUZZER_OPEN = "buzzer_open"
    ANSWERING = "answering"  # the active team may answer until the deadline
    JUDGING = "judging"  # verdict held back until the reveal; judges score a performance
    AUDIENCE = "audience"  # nobody buzzed: the hall may answer; no team scores, the host reveals
    REVEALED = "revealed"
    SCOREBOARD = "scoreboard"
    PAUSED = "paused"
    FINISHED = "finished"


class Role(StrEnum):
    HOST = "host"
    JUDGE = "judge"
    TEAM = "team"
    SCREEN = "screen"
    CLOCK = "clock"  # the server itself, when a deadline has passed (no socket sends this)


class RoundKind(StrEnum):
    COMPULSORY = "compulsory"  # 必答
    BUZZER = "buzzer"  # 抢答
    RISK = "risk"  # 风险
    TIEBREAK = "tiebreak"  # 加赛
    JUDGED = "judged"  # 评委打分


class Verdict(StrEnum):
    CORRECT = "correct"
    WRONG = "wrong"
    TIMEOUT = "timeout"


P = Phase
_RUNNING = frozenset(P) - {P.LOBBY, P.PAUSED, P.FINISHED}

# command -> (roles that may send it, phases in which it is allowed)
COMMANDS = {
    "start": ({Role.HOST}, {P.LOBBY}),
    "open": ({Role.HOST}, {P.READING}),
    "lock": ({Role.HOST}, {P.BUZZER_OPEN, P.ANSWERING, P.JUDGING}),
    "mark": ({Role.HOST, Role.JUDGE}, {P.ANSWERING}),
    "undo": ({Role.HOST}, {P.JUDGING}),
    "expire": ({Role.CLOCK}, {P.BUZZER_OPEN, P.ANSWERING}),
    "reveal": ({Role.HOST}, {P.READING, P.BUZZER_OPEN, P.JUDGING, P.AUDIENCE}),
    "scoreboard": ({Role.HOST}, {P.REVEALED}),
    "next": ({Role.HOST}, {P.REVEALED, P.SCOREBOARD}),
    "pause": ({Role.HOST}, _RUNNING),
    "resume": ({Role.HOST}, {P.PAUSED}),
    "end": ({Role.HOST}, frozenset(P) - {P.FINISHED}),
    "adjust": ({Role.HOST, Role.JUDGE}, frozenset(P) - {P.LOBBY}),
    "buzz": ({Role.TEAM}, {P.READING, P.BUZZER_OPEN, P.ANSWERING, P.JUDGING, P.AUDIENCE, P.REVEALED}),
    "risk": ({Role.TEAM}, {P.READING}),
    "answer": ({Role.TEAM}, {P.ANSWERING}),
    "score": ({Role.JUDGE}, {P.JUDGING}),
}


def allowed(command, role, phase):
    """None when `role` may send `command` in `phase`, else the refusal's error code."""
    if command not in COMMANDS:
        return "unknown_command"
    roles, phases = COMMANDS[command]
    if role not in roles:
        return "forbidden"
    if phase not in phases:
        return "wrong_phase"
    return None
