"""Fan-out: one pre-serialised frame per audience group of a game, through the channel layer.

A game is a key like "contest-7" or "game-12"; an audience is a role ("host", "screen") or a
narrower group ("team-3"). A consumer joins the group of each of its Seat's `audiences` when it
connects (LiveConsumer.connect); public-game sockets listen through the per-process hub (hub.py).
"""
import re

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from .messages import encode

FRAME_EVENT = "live.frame"
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def group_name(game, audience):
    if not (_NAME.match(game) and _NAME.match(audience)):
        raise ValueError(f"bad game or audience name: {game!r} {audience!r}")
    return f"live.{game}.{audience}"


async def broadcast(game, frames):
    """Send `frames` ({audience: frame dict}) to each audience group, each frame serialised once
    (audiences given the same dict share its text)."""
    layer = get_channel_layer()
    texts = {}
    for audience, frame in frames.items():
        if id(frame) not in texts:
            texts[id(frame)] = encode(frame)
        await layer.group_send(group_name(game, audience), {"type": FRAME_EVENT, "text": texts[id(frame)]})


def broadcast_sync(game, frames):
    """`broadcast` for synchronous code (views, admin actions, management commands)."""
    async_to_sync(broadcast)(game, frames)
