"""Rankings from materialised counters: each scored attempt updates its participant's best score
and its unit's UnitTally in the same transaction, so the ranking pages read a few hundred tally
rows (one per unit that has played), never the attempts.

Participation rate = participants ÷ headcount (a town's headcount is the sum of all its units');
average = sum of participants' best scores ÷ participants.
"""
from django.db import connection
from django.db.models import Q, Sum

from core import compiled_sql, ranking
from core.accounts.phone import masked
from core.organisations.models import Town, Unit

from .records import Participant, UnitTally

TOP_SIZE = 10


def record_best(participant, score, duration_ms):
    """Call inside the transaction that holds the participant's row lock."""
    first = participant.best_score is None
    better = first or score > participant.best_score or (
        score == participant.best_score and duration_ms < (participant.best_duration_ms or 0)
    )
    participant.scored_attempts += 1
    fields = ["scored_attempts"]
    if better:
        delta = score - (participant.best_score or 0)
        participant.best_score, participant.best_duration_ms = score, duration_ms
        fields += ["best_score", "best_duration_ms"]
        if first or delta:
            add_to_tally(participant, 1 if first else 0, delta)
    compiled_sql.update(participant, fields)


def add_to_tally(participant, participants, score_sum):
    """Add to the unit's counters, creating its row on the first scored attempt: one upsert."""
    table = connection.ops.quote_name(UnitTally._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (page_id, unit_id, town_id, participants, best_score_sum) VALUES (%s, %s, %s, %s, %s) "
            f"ON CONFLICT (page_id, unit_id) DO UPDATE SET participants = {table}.participants + excluded.participants, "
            f"best_score_sum = {table}.best_score_sum + excluded.best_score_sum",
            [participant.page_id, participant.unit_id, participant.town_id, participants, score_sum],
        )


def _row(name, participants, headcount, score_sum, town=""):
    return {
        "name": name,
        "town": town,
        "participants": participants,
        "headcount": headcount,
        "rate": participants / headcount if headcount else None,
        "average": score_sum / participants if participants else 0,
    }


def _ordered(rows):
    return sorted(rows, key=lambda row: (-(row["rate"] or 0), -row["average"], -row["participants"], row["name"]))


def unit_ranking(page):
    tallies = UnitTally.objects.filter(page=page, participants__gt=0).select_related("unit", "town")
    return _ordered(
        _row(tally.unit.name, tally.participants, tally.unit.headcount, tally.best_score_sum, tally.town.name)
        for tally in tallies
    )


def town_ranking(page):
    headcounts = dict(Unit.objects.values_list("town").annotate(total=Sum("headcount")))
    sums = {
        town: (participants, score_sum)
        for town, participants, score_sum in UnitTally.objects.filter(page=page)
        .values_list("town").annotate(Sum("participants"), Sum("best_score_sum"))
    }
    names = dict(Town.objects.filter(pk__in=sums).values_list("pk", "name"))
    return _ordered(
        _row(names[town], participants, headcounts.get(town, 0), score_sum)
        for town, (participants, score_sum) in sums.items() if participants
    )


def place(participant):
    """(place of the participant's best score among the page's scored participants, their number):
    a higher score first, then a shorter time. One count on the participants' ranking index and a
    sum over the tallies, never the attempts."""
    if participant.best_score is None:
        return None, None
    ahead = Participant.objects.filter(
        Q(best_score__gt=participant.best_score)
        | Q(best_score=participant.best_score, best_duration_ms__lt=participant.best_duration_ms),
        page_id=participant.page_id,
    ).count()
    total = UnitTally.objects.filter(page_id=participant.page_id).aggregate(total=Sum("participants"))["total"]
    return ranking.place(ahead), total or 0


def masked_name(name):
    return (name[:1] + "*" * max(len(name) - 1, 1)) if name else ""


def top_participants(page):
    people = (
        Participant.objects.filter(page=page, best_score__isnull=False)
        .select_related("unit", "user").order_by("-best_score", "best_duration_ms", "pk")[:TOP_SIZE]
    )
    return [
        {"name": masked_name(person.name), "phone": masked(person.phone) if person.phone else "",
         "unit": person.unit.name, "score": person.best_score,
         "seconds": round(person.best_duration_ms / 1000) if person.best_duration_ms is not None else None}
        for person in people
    ]
