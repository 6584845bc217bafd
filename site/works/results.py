"""A results page's ranking is frozen when the page is published (after the workflow's approval):
the figures of that moment are written to the live page and to the published revision, and the
public page shows them, whatever later voiding or re-scoring does to the live standings. Staff see
how the live standings differ in the page editor; publishing a new revision freezes them again."""
from dataclasses import asdict, dataclass, fields
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from .entries import Category
from .scoring import AWARDS, awarded, standings

# The figures compared between the frozen and the live ranking, as the page names them.
COMPARED = {"place": pgettext_lazy("award place", "Place"), "expert_scaled": _("Expert score"),
            "votes": _("Votes"), "public_scaled": _("Public score"), "combined": _("Final score"),
            "award": _("Award")}


@dataclass
class Placing:
    """One row of a results page, frozen or live, with what the page shows of the entry."""

    entry_id: int
    title: str
    category: str
    unit: str
    place: int
    judges: int
    expert: int
    expert_scaled: Decimal
    votes: int
    public_scaled: Decimal
    combined: Decimal
    award_level: int | None

    @classmethod
    def of(cls, standing):
        entry = standing.entry
        return cls(entry.pk, entry.title, entry.category, entry.unit.name, standing.place, standing.judges,
                   standing.expert, standing.expert_scaled, standing.votes, standing.public_scaled,
                   standing.combined, standing.award_level)

    @classmethod
    def from_json(cls, data):
        values = {field.name: data[field.name] for field in fields(cls)}
        for name in ("expert_scaled", "public_scaled", "combined"):
            values[name] = Decimal(values[name])
        return cls(**values)

    def to_json(self):
        data = asdict(self)
        for name in ("expert_scaled", "public_scaled", "combined"):
            data[name] = str(data[name])
        return data

    @property
    def award(self):
        return "" if self.award_level is None else str(AWARDS[self.award_level])

    @property
    def category_label(self):
        return Category(self.category).label if self.category in Category.values else self.category


def live_placings(results_page):
    """The ranking as the judges' sheets and the valid votes give it now."""
    call = results_page.get_parent().specific
    counts = (results_page.first_prizes, results_page.second_prizes, results_page.third_prizes,
              results_page.excellence_awards)
    return [Placing.of(row) for row in awarded(standings(call), counts)]


def frozen_placings(results_page):
    """The ranking frozen at the last publication, or None if the page was never published."""
    if results_page.frozen_standings is None:
        return None
    return [Placing.from_json(row) for row in results_page.frozen_standings]


def differences(frozen, live):
    """[(title, figure, frozen value, live value)] for each figure that moved since the freeze;
    an entry in one ranking only shows its place there and None for the other."""
    frozen_by_entry = {row.entry_id: row for row in frozen}
    live_by_entry = {row.entry_id: row for row in live}
    changes = []
    for entry_id in list(frozen_by_entry) + [key for key in live_by_entry if key not in frozen_by_entry]:
        before, now = frozen_by_entry.get(entry_id), live_by_entry.get(entry_id)
        title = (before or now).title
        if before is None or now is None:
            changes.append((title, COMPARED["place"], before and before.place, now and now.place))
            continue
        changes.extend((title, label, getattr(before, name), getattr(now, name))
                       for name, label in COMPARED.items() if getattr(before, name) != getattr(now, name))
    return changes


def freeze_on_publish(sender, instance, revision=None, **kwargs):
    """Connected to `page_published` for WorksResultsPage (apps.py)."""
    frozen = [placing.to_json() for placing in live_placings(instance)]
    frozen_at = timezone.now()
    with transaction.atomic():
        sender.objects.filter(pk=instance.pk).update(frozen_standings=frozen, frozen_at=frozen_at)
        if revision is not None:
            # Later drafts start from this revision: they carry the figures the live page shows.
            revision.content.update(frozen_standings=frozen, frozen_at=frozen_at.isoformat())
            revision.save(update_fields=["content"])
    instance.frozen_standings, instance.frozen_at = frozen, frozen_at
