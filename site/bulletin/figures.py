"""A month's figures: what staff recorded (records.MonthlyFigures) plus what the platform's own apps
compute from their data. Apps contribute through the `bulletin_figures` hook: a function taking the
month's first and last day and returning rows {"town": town name, <figure>: value, ...}; the bulletin
adds every row to its town. So cases, supervised hazards and (later) reports plug in without the
bulletin importing them."""
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from wagtail import hooks

from core import ranking

from .records import FIGURE_NAMES, MonthlyFigures


def month_bounds(month):
    first = month.replace(day=1)
    return first, first.replace(day=monthrange(first.year, first.month)[1])


def previous_month(month):
    return (month.replace(day=1) - timedelta(days=1)).replace(day=1)


def _zero():
    return {name: (Decimal(0) if name == "fines_yuan" else 0) for name in FIGURE_NAMES}


@dataclass
class MonthFigures:
    month: date
    towns: dict = field(default_factory=dict)  # town name -> {figure: value}
    areas: dict = field(default_factory=dict)  # area name -> {figure: value} (recorded figures only)

    def add(self, town, values):
        row = self.towns.setdefault(town, _zero())
        for name in FIGURE_NAMES:
            row[name] += values.get(name) or 0

    @property
    def totals(self):
        totals = _zero()
        for row in self.towns.values():
            for name in FIGURE_NAMES:
                totals[name] += row[name]
        return totals

    def town_ranking(self, figure="inspections"):
        """[(place, town, value)], most first; equal values share a place."""
        ranked = ranking.ranking(list(self.towns.items()), key=lambda item: -item[1][figure],
                                 order=lambda item: item[0])
        return [(place, town, row[figure]) for place, (town, row) in ranked]


def month_figures(month):
    first, last = month_bounds(month)
    figures = MonthFigures(first)
    recorded = MonthlyFigures.objects.filter(month=first).select_related("town", "area")
    for record in recorded:
        values = {name: getattr(record, name) for name in FIGURE_NAMES}
        figures.add(record.town.name, values)
        area = figures.areas.setdefault(record.area.name, _zero())
        for name in FIGURE_NAMES:
            area[name] += values[name]
    for contribute in hooks.get_hooks("bulletin_figures"):
        for row in contribute(first, last):
            figures.add(row["town"], row)
    return figures


def comparison(current, previous):
    """[(figure, this month, last month, change)] for the totals."""
    now, before = current.totals, previous.totals
    return [(name, now[name], before[name], now[name] - before[name]) for name in FIGURE_NAMES]
