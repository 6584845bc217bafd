"""What each seat of a contest's hall socket may send (docs/protocol.md, "The hall plays along")."""
from contests.games.messages import MAX_DRAW
from contests.live.schema import Integer, Message, Protocol

HOST = (
    Message("host.create"),
    Message("host.open"),
    Message("host.reveal"),
    Message("host.finish"),
    Message("host.draw", count=Integer(1, MAX_DRAW, code="bad_draw"), min_correct=Integer(0, MAX_DRAW, code="bad_draw")),
)

PROTOCOL = Protocol({"host": HOST, "screen": ()})
