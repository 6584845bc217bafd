"""What each seat of an inter-unit contest may send (docs/protocol.md, "Inter-unit contests").

`<role>.<command>` runs the rules' command of that name; the fields are its arguments. Bounds
that the rules refine (a verdict's words, a risk value of the round) are refused with `bad_value`.
"""
from contests.live.schema import Integer, Mapping, Message, Protocol, Text
from contests.rules.contest import MAX_ADJUST

TEAM_ID = Integer(1, code="bad_value")


def _adjust(role):
    return Message(f"{role}.adjust", team=TEAM_ID, delta=Integer(-MAX_ADJUST, MAX_ADJUST, code="bad_value"),
                   reason=Text(200, code="bad_value"))


def _mark(role):
    return Message(f"{role}.mark", verdict=Text(16, code="bad_value"))


HOST = (
    *(Message(f"host.{command}") for command in (
        "start", "open", "lock", "undo", "reveal", "scoreboard", "next", "pause", "resume", "end", "reset")),
    _mark("host"),
    _adjust("host"),
    Message("host.sound", on=Integer(0, 1, code="bad_value")),
)
JUDGE = (
    _mark("judge"),
    _adjust("judge"),
    Message("judge.score", sheet=Mapping(20, key=Text(40, code="bad_value"), values=Integer(-1000, 1000, code="bad_value"),
                                         code="bad_value")),
)
TEAM = (
    Message("team.buzz"),
    Message("team.risk", value=Integer(code="bad_value")),
    Message("team.answer", choice=Text(8, code="bad_value")),
)

PROTOCOL = Protocol({"host": HOST, "judge": JUDGE, "team": TEAM, "screen": ()})
