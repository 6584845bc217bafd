"""The lucky draw: an attempt with enough correct answers earns one draw, at most
page.draws_per_day a day; a prize is won by weight against "no prize" while any is left, and comes
as a one-time code (the public games' prize codes) that staff redeem."""
import random

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from contests.games.models import new_prize_code

from .records import DrawLog


class NoDraw(Exception):
    """The message says why (translated by the caller)."""


def midnight():
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def draws_today(participant):
    return DrawLog.objects.filter(participant=participant, drawn_at__gte=midnight()).count()


def drawn(attempt):
    return DrawLog.objects.filter(attempt=attempt).exists()


def can_draw(page, attempt):
    return attempt.draw_earned and not drawn(attempt) and draws_today(attempt.participant) < page.draws_per_day


def draw(page, attempt, rng=None):
    """Draw for `attempt` (its participant's row is locked by the caller). Returns the DrawLog."""
    rng = rng or random.SystemRandom()
    if not attempt.draw_earned:
        raise NoDraw("not earned")
    if drawn(attempt):
        raise NoDraw("already drawn")
    if draws_today(attempt.participant) >= page.draws_per_day:
        raise NoDraw("daily limit")
    with transaction.atomic():
        prizes = list(page.prizes.select_for_update())  # two winners never take the last one
        given = dict(DrawLog.objects.filter(prize__in=prizes).values_list("prize").annotate(Count("pk")))
        left = [prize for prize in prizes if given.get(prize.pk, 0) < prize.quantity and prize.weight]
        total = page.no_prize_weight + sum(prize.weight for prize in left)
        pick = rng.uniform(0, total) if total else 0
        won = None
        for prize in left:
            if pick < prize.weight:
                won = prize
                break
            pick -= prize.weight
        return DrawLog.objects.create(
            page=page, participant=attempt.participant, attempt=attempt, prize=won,
            code=new_prize_code() if won else None, drawn_at=timezone.now(),
        )
