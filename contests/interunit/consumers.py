"""Sockets of an inter-unit contest: host console, judge panel, big screen, team pad.

They only authenticate, hand each message to runner.run (rules + persistence in one locked
transaction) and broadcast the frames it returns. docs/protocol.md lists every message.
"""
import json

from channels.db import database_sync_to_async
from django.utils.translation import gettext as _

from core.accounts.roles import HOSTS, JUDGES, in_group
from contests.live.address_limits import TooManyAttempts, scope_address
from contests.live.clock import server_time_ms
from contests.live.consumer import LiveConsumer, Seat
from contests.live.fanout import FRAME_EVENT, broadcast
from contests.rules.phases import Role
from contests.rules.refusal import Refusal
from contests.staff import check_totp

from . import runner
from .code_guard import CODE_GUARD, find_team
from .deadlines import DeadlineWatch, due, expire_if_due
from .frames import view
from .messages import PROTOCOL
from .models import Contest


class ContestConsumer(LiveConsumer):
    """`/ws/contest/<id>/<role>/`; the role comes from the URL and is checked against the user or code."""

    protocol = PROTOCOL

    async def resolve_seat(self):
        kwargs = self.scope["url_route"]["kwargs"]
        role = kwargs["role"]
        query = dict(part.split("=", 1) for part in self.scope["query_string"].decode().split("&") if "=" in part)
        seat = await database_sync_to_async(find_seat)(
            kwargs["contest"], role, self.scope.get("user"), query, scope_address(self.scope),
            CODE_GUARD.passes(self.scope.get("cookies", {})),
        )
        if seat is None:
            raise Refusal("no_seat", _("This page may not join the contest: check the link, the code or your login."))
        return seat

    async def snapshot(self):
        data = await database_sync_to_async(snapshot_for)(self.seat)
        if due(data, server_time_ms()):  # nobody was there when the time ran out: close it now
            await expire_if_due(self.seat.identity["contest"], self.seat.game)
            data = await database_sync_to_async(snapshot_for)(self.seat)
        if self.deadline_watch is None:
            self.deadline_watch = DeadlineWatch.for_role(Role(self.seat.role), self.seat.identity["contest"],
                                                         self.seat.game)
        if self.deadline_watch:
            self.deadline_watch.follow(data)
        return data

    async def connect(self):
        self.deadline_watch = None
        await super().connect()

    async def disconnect(self, code):
        if self.deadline_watch:
            self.deadline_watch.stop()
        await super().disconnect(code)

    async def dispatch(self, message):
        await super().dispatch(message)
        if message["type"] == FRAME_EVENT and self.deadline_watch:  # host and screen: follow the deadline
            self.deadline_watch.follow(json.loads(message["text"]))

    async def command(self, command, message):
        seat = self.seat
        actor = seat.identity["actor"]
        args = {key: value for key, value in message.items() if key not in ("type", "ref")}  # declared fields only
        frames = await database_sync_to_async(runner.run)(
            seat.identity["contest"], Role(seat.role), actor, seat.identity["label"], command, args
        )
        await broadcast(seat.game, frames)


def actor_label(role, user):
    """Who acted, as the audit trail names him (in the site's language: 主持人 张三)."""
    name = f"{user.last_name}{user.first_name}".strip() or user.get_username()  # family name first
    return (_("host %(name)s") if role == "host" else _("judge %(name)s")) % {"name": name}


def find_seat(contest_id, role, user, query, address, code_passes=()):
    contest = Contest.objects.filter(pk=contest_id).first()
    if contest is None:
        return None
    game = contest.game_key
    identity = {"contest": contest.pk}
    if role == "host" and _member(user, HOSTS, contest.hosts):
        check_totp(user)
        return Seat("host", game, ("host",), {**identity, "actor": user.pk, "label": actor_label("host", user)})
    if role == "judge" and _member(user, JUDGES, contest.judges):
        check_totp(user)
        return Seat("judge", game, ("judges",), {**identity, "actor": user.pk, "label": actor_label("judge", user)})
    if role == "screen":  # what the hall sees anyway: open to anyone
        return Seat("screen", game, ("screen",), {**identity, "actor": None, "label": _("big screen")})
    if role == "team":
        code = query.get("code", "").upper()
        try:
            team = find_team(code, address, passed=code in code_passes, contest=contest)
        except TooManyAttempts:
            raise Refusal("too_many_attempts", "too many unknown access codes from this address, try again later") from None
        if team:
            return Seat("team", game, ("teams",), {**identity, "actor": team.pk, "label": _("team %(name)s") % {"name": team.name}})
    return None


def _member(user, group, assigned):
    """In the staff group and assigned to this contest (superusers may take any seat)."""
    if user is None or not in_group(user, group):
        return False
    return user.is_superuser or assigned.filter(pk=user.pk).exists()


def snapshot_for(seat):
    contest = Contest.objects.get(pk=seat.identity["contest"])
    data = view(contest, Role(seat.role))
    if seat.role == "team":
        data["me"] = seat.identity["actor"]
    if seat.role == "judge":
        data["me"] = seat.identity["actor"]
    return data


def _handler(role, command):
    async def handler(self, message):
        if self.seat.role != role:  # each role sends only its own names (docs/protocol.md)
            raise Refusal("forbidden", f"a {self.seat.role} may not send {message['type']!r}")
        await self.command(command, message)

    handler.__name__ = f"msg_{command}"
    return handler


for _role in ("host", "judge", "team"):
    for _name in PROTOCOL.names(_role):
        if _name.startswith(f"{_role}."):
            setattr(ContestConsumer, "msg_" + _name.replace(".", "_"), _handler(_role, _name.split(".", 1)[1]))
