"""Closing a question when its time runs out, with no timer that only one process knows about.

The deadline is an absolute server instant in the contest's state. Every host and screen socket,
on whichever process serves it, schedules a check for the moment the deadline of the last frame it
saw passes. The check runs the rules' `expire` command through the one-writer path
(`runner.run`), and the rules accept it only when the server clock is past the deadline and the
phase still waits for it: the first check to get the contest row closes the question, every later
one is refused and does nothing. Every snapshot runs the same check first, so a contest that nobody
watched at that moment catches up as soon as anyone connects.
"""
import asyncio
import logging
import random

from channels.db import database_sync_to_async

from contests.live.clock import server_time_ms
from contests.live.fanout import broadcast
from contests.rules.phases import Phase, Role
from contests.rules.refusal import Refusal

from . import runner
from .models import Contest

WAITING = (Phase.BUZZER_OPEN, Phase.ANSWERING)  # the phases whose deadline closes them
HOST_DELAY_MS = 50  # past the deadline (the rules want the clock beyond it)
# Screens are open to anyone: they check a little later and spread out, so that with a host
# connected they find the question closed already (one unlocked read each, no locked write).
SCREEN_DELAY_MS = (200, 600)
logger = logging.getLogger(__name__)


def due(state, now):
    """Whether `state` (a frame or the stored state) waits for a deadline that has passed."""
    deadline = state.get("deadline")
    return state.get("phase") in WAITING and deadline is not None and now > deadline


def _stored_state(contest_id):
    return Contest.objects.filter(pk=contest_id).values_list("state", flat=True).first() or {}


async def expire_if_due(contest_id, game):
    """Close the contest's question if its deadline has passed; True when this call closed it."""
    if not due(await database_sync_to_async(_stored_state)(contest_id), server_time_ms()):
        return False
    try:
        frames = await database_sync_to_async(runner.run)(contest_id, Role.CLOCK, None, "clock", "expire", {})
    except Refusal:  # another socket or process closed it first, or the host paused it
        return False
    await broadcast(game, frames)
    return True


class DeadlineWatch:
    """The one pending check of a socket, for the deadline of the newest state it has seen."""

    def __init__(self, contest_id, game, delay_ms):
        self.contest_id, self.game, self.delay_ms = contest_id, game, delay_ms
        self.version = -1
        self.deadline = None
        self.task = None

    @classmethod
    def for_role(cls, role, contest_id, game):
        """Hosts and screens watch; team pads and judges do not need to."""
        if role == Role.HOST:
            return cls(contest_id, game, HOST_DELAY_MS)
        if role == Role.SCREEN:
            return cls(contest_id, game, random.randint(*SCREEN_DELAY_MS))
        return None

    def follow(self, state):
        """Reschedule for the state of a snapshot or a broadcast frame (older ones are ignored)."""
        version = state.get("version", -1)
        if version < self.version:
            return
        self.version = version
        deadline = state.get("deadline") if state.get("phase") in WAITING else None
        if deadline == self.deadline:
            return
        self.stop()
        self.deadline = deadline
        if deadline is not None:
            self.task = asyncio.create_task(self._check_at(deadline))

    def stop(self):
        if self.task is not None:
            self.task.cancel()
            self.task = None

    async def _check_at(self, deadline):
        await asyncio.sleep(max(0, deadline + self.delay_ms - server_time_ms()) / 1000)
        self.task = None  # runs to its end now: the frame it broadcasts must not cancel it halfway
        try:
            await expire_if_due(self.contest_id, self.game)
        except Exception:  # logged; the next snapshot or socket checks again
            logger.exception("deadline check of contest %s failed", self.contest_id)
