"""Scoring a checklist: each item up to its points; the outcome from the share of full marks."""
from decimal import Decimal


class ChecklistError(ValueError):
    pass


def total(items, points):
    """The sum of `points` {item id: points} over `items` [(id, maximum)]: every item, each 0..maximum."""
    if set(points) != {item_id for item_id, _maximum in items}:
        raise ChecklistError("score every item of the checklist")
    result = 0
    for item_id, maximum in items:
        value = points[item_id]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
            raise ChecklistError(f"item {item_id}: a whole number from 0 to {maximum}")
        result += value
    return result


def outcome(score, full_marks, pass_percent, recheck_percent):
    """'passed' at or above pass_percent of full marks, 'recheck' at or above recheck_percent, else 'failed'."""
    share = Decimal(100) * score / full_marks if full_marks else Decimal(0)
    if share >= pass_percent:
        return "passed"
    if share >= recheck_percent:
        return "recheck"
    return "failed"
