"""A work's scores: the expert score from the judges' sheets (core.judging, the same arithmetic as a
contest's judged round), the public score from the valid votes, and the two combined by the call's weight.

Both halves are put on a 0–100 scale before they are weighed: the expert score as a share of the
criteria's full marks (of their sum times the judges when the call sums the sheets), the public
score as a share of the most-voted accepted entry's votes.
"""
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from core import judging, ranking

from .entries import Entry

AWARDS = (_("First prize"), _("Second prize"), _("Third prize"), _("Excellence award"))


@dataclass
class Standing:
    entry: Entry
    judges: int
    expert: int
    expert_scaled: Decimal
    votes: int
    public_scaled: Decimal
    combined: Decimal
    place: int = 0
    award_level: int | None = None  # index into AWARDS

    @property
    def award(self):
        return "" if self.award_level is None else str(AWARDS[self.award_level])


def scaled(value, full):
    if not full:
        return Decimal(0)
    return (Decimal(100) * value / full).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def combine(expert_scaled, public_scaled, expert_weight):
    weight = Decimal(expert_weight) / 100
    return (expert_scaled * weight + public_scaled * (1 - weight)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def standings(call):
    """The accepted entries of `call`, best first, with shared places for equal combined scores."""
    full_marks = sum(maximum for _name, maximum in call.criteria_pairs())
    entries = list(
        Entry.objects.filter(call=call, status=Entry.Status.ACCEPTED).select_related("unit__town")
        .annotate(valid_votes=Count("votes", filter=Q(votes__voided=False), distinct=True))
        .prefetch_related("sheets")
    )
    most_votes = max((entry.valid_votes for entry in entries), default=0)
    rows = []
    for entry in entries:
        totals = [sheet.total for sheet in entry.sheets.all()]
        expert = judging.aggregate(totals, call.expert_method)
        full = full_marks * len(totals) if call.expert_method == "sum" else full_marks
        expert_scaled = scaled(expert, full)
        public_scaled = scaled(entry.valid_votes, most_votes)
        rows.append(Standing(entry, len(totals), expert, expert_scaled, entry.valid_votes, public_scaled,
                             combine(expert_scaled, public_scaled, call.expert_weight)))
    ranked = ranking.ranking(rows, key=lambda row: -row.combined, order=lambda row: row.entry.title)
    for place, row in ranked:
        row.place = place
    return [row for _place, row in ranked]


def awarded(rows, counts):
    """Hand out the awards by place: `counts` first, second, third prizes and excellence awards.
    Entries sharing a place share its award (so a tie may give one more award than counted)."""
    limits, total = [], 0
    for count in counts:
        total += count
        limits.append(total)
    for row in rows:
        better = row.place - 1
        row.award_level = next((level for level, limit in enumerate(limits) if better < limit), None)
    return rows
