"""What each seat of a public game may send (docs/protocol.md, "Public games")."""
from contests.live.schema import Integer, Message, Protocol, Text

MAX_DRAW = 10_000  # winners in one draw, and the highest threshold of correct answers

VISITOR = (
    Message("player.join", nickname=Text(100, code="nickname_too_long"), phone=Text(32, required=False, code="bad_phone")),
)
PLAYER = (
    Message("player.answer", index=Integer(0, 10_000, code="not_answering"), choice=Text(16, code="bad_choice")),
)
HOST = (
    Message("host.next"),
    Message("host.reveal"),
    Message("host.leaderboard"),
    Message("host.finish"),
    Message("host.kick", player=Integer(1, code="unknown_player")),
    Message("host.draw", count=Integer(1, MAX_DRAW, code="bad_draw"), min_correct=Integer(0, MAX_DRAW, code="bad_draw")),
    Message("host.redeem", code=Text(32, code="unknown_code")),
    Message("host.sound", on=Integer(0, 1)),
)

PROTOCOL = Protocol(
    {"visitor": VISITOR, "player": PLAYER, "host": HOST, "screen": ()},
    refusals={"visitor": {"player.answer": "not_joined"}, "player": {"player.join": "already_joined"}},
)
