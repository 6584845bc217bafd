"""The hall plays along: when a contest's audience game may open, reveal, finish and draw.

Plain Python, like the contest's and the public game's rules. The audience game is a public game
whose questions are the contest's questions in play order; it never touches team scores (its
players, answers and prizes are its own). A question opens for the hall only once the teams are
done with it and before the contest shows its answer (the verdict is held back, or nobody buzzed
and the round hands it to the hall), and only when the host asks; the contest's answer is shown
only after the hall's question has closed (`blocks_contest`).
"""
from dataclasses import dataclass

from .phases import Phase
from .public_game import QUESTION, Phase as GamePhase
from .refusal import Refusal

# The contest phases in which the teams are done with the question and its answer is not shown.
CLOSED_FOR_TEAMS = (Phase.JUDGING, Phase.AUDIENCE)
# The contest commands that show the answer or move on: not while the hall may still answer.
WAIT_FOR_HALL = ("reveal", "next", "scoreboard")
# The hall's commands, in the order the host console lists them.
COMMANDS = ("create", "open", "reveal", "finish", "draw")
# The natural next step, by preference.
PRIMARY = ("reveal", "open", "finish")


@dataclass(frozen=True)
class Situation:
    """What the hall's rules look at: the contest's phase, the place of the contest's current
    question in the hall's paper (None: not on it), and the audience game's stored phase and
    question (None: the contest has no audience game yet)."""

    contest_phase: Phase
    paper_index: int | None = None
    game_phase: str | None = None
    game_index: int = -1


def check(command, situation):
    """Raise Refusal when `command` is not allowed in `situation`; None when it is."""
    if command not in COMMANDS:
        raise Refusal("unknown_command", f"unknown hall command {command!r}")
    s = situation
    if command == "create":
        if s.game_phase is not None:
            raise Refusal("hall_exists", "this contest already has an audience game")
        if s.contest_phase == Phase.FINISHED:
            raise Refusal("contest_finished", "the contest is over")
        return
    if s.game_phase is None:
        raise Refusal("no_hall", "switch the audience game on first")
    if command == "open":
        if s.contest_phase not in CLOSED_FOR_TEAMS:
            raise Refusal("teams_first", "the hall answers after the teams and before the answer is shown")
        if s.paper_index is None:
            raise Refusal("not_in_paper", "this question is not played by the hall")
        if s.game_index >= s.paper_index:
            raise Refusal("already_played", "the hall has already played this question")
        if s.game_phase not in (GamePhase.LOBBY, GamePhase.REVEALED, GamePhase.LEADERBOARD):
            raise Refusal("hall_busy", "reveal the hall's current question first")
    elif command == "reveal":
        if s.game_phase != QUESTION:
            raise Refusal("nothing_open", "no question is open for the hall")
    elif command == "finish":
        if s.contest_phase != Phase.FINISHED:
            raise Refusal("contest_running", "the hall's game ends after the contest")
        if s.game_phase in (QUESTION, GamePhase.FINISHED):
            raise Refusal("hall_busy", "reveal the hall's question first" if s.game_phase == QUESTION
                          else "the hall's game is over")
    elif command == "draw":
        if s.game_phase != GamePhase.FINISHED:
            raise Refusal("not_finished", "the lucky draw is held once the hall's game is over")


def actions(situation):
    """The hall commands allowed now and the natural next step: {"allowed": [...], "primary": ...}."""
    allowed = []
    for command in COMMANDS:
        try:
            check(command, situation)
        except Refusal:
            continue
        allowed.append(command)
    return {"allowed": allowed, "primary": next((command for command in PRIMARY if command in allowed), None)}


def blocks_contest(command, game_phase):
    """Raise Refusal when the contest's `command` would show the answer while the hall's
    question is still open (`game_phase` None: no audience game)."""
    if command in WAIT_FOR_HALL and game_phase == QUESTION:
        raise Refusal("hall_open", "the hall is still answering: close the hall's question first")
