"""The hall's socket beside a contest's host console and big screen: `/ws/hall/<contest>/<role>/`
(role host or screen). It sends `hall` frames (frames.py): after each hall command and after
each change of the contest (it listens to the contest's own frames for that), and hands the
host's hall commands to runner.run, then broadcasts the audience game's frames to the phones.
"""
import json

from channels.db import database_sync_to_async
from django.utils.translation import gettext as _

from contests.games.state import game_key
from contests.interunit.consumers import find_seat
from contests.interunit.models import Contest
from contests.live.address_limits import scope_address
from contests.live.clock import server_time_ms
from contests.live.consumer import LiveConsumer, Seat
from contests.live.fanout import FRAME_EVENT, broadcast, group_name
from contests.live.hub import broadcast_personal
from contests.rules.refusal import Refusal

from . import runner
from .frames import hall_view
from .messages import PROTOCOL


def hall_key(contest_id):
    return f"hall-{contest_id}"


@database_sync_to_async
def seat_for(contest_id, role, user, address):
    """The contest's own seat rules: its hosts (with MFA) for the host, anyone for the screen."""
    seat = find_seat(contest_id, role, user, {}, address) if role in ("host", "screen") else None
    if seat is None:
        raise Refusal("no_seat", _("This page may not join the contest: check the link, the code or your login."))
    contest_key = Contest.objects.get(pk=contest_id).game_key
    return Seat(role, hall_key(contest_id), (role,), {**seat.identity, "user": user, "contest_key": contest_key})


@database_sync_to_async
def view_for(contest_id, role):
    return hall_view(Contest.objects.get(pk=contest_id), role)


class HallConsumer(LiveConsumer):
    protocol = PROTOCOL

    async def resolve_seat(self):
        kwargs = self.scope["url_route"]["kwargs"]
        seat = await seat_for(kwargs["contest"], kwargs["role"], self.scope.get("user"), scope_address(self.scope))
        # The contest's frames too: each change of the contest may change what the hall may do.
        self.contest_group = group_name(seat.identity["contest_key"], seat.role)
        await self.channel_layer.group_add(self.contest_group, self.channel_name)
        return seat

    async def disconnect(self, code):
        if getattr(self, "contest_group", None):
            await self.channel_layer.group_discard(self.contest_group, self.channel_name)
        await super().disconnect(code)

    async def snapshot(self):
        data = await view_for(self.seat.identity["contest"], self.seat.role)
        del data["type"]
        return data

    async def dispatch(self, message):
        if message["type"] == FRAME_EVENT and json.loads(message["text"]).get("type") == "state":
            await self.send_frame(await view_for(self.seat.identity["contest"], self.seat.role))
        else:
            await super().dispatch(message)

    async def command(self, command, message):
        args = {key: value for key, value in message.items() if key not in ("type", "ref")}
        game_id, game_frames, personal, hall_frames = await database_sync_to_async(runner.run)(
            self.seat.identity["contest"], command, self.seat.identity["user"], args
        )
        sent_at = server_time_ms()
        key = game_key(game_id)
        await broadcast(key, {audience: {**frame, "sent_at": sent_at} for audience, frame in game_frames.items()})
        if personal:
            await broadcast_personal(key, "players", personal)
        await broadcast(self.seat.game, hall_frames)

    async def msg_host_create(self, message):
        await self.command("create", message)

    async def msg_host_open(self, message):
        await self.command("open", message)

    async def msg_host_reveal(self, message):
        await self.command("reveal", message)

    async def msg_host_finish(self, message):
        await self.command("finish", message)

    async def msg_host_draw(self, message):
        await self.command("draw", message)
