"""Judge scoring (评委打分), one place for every judged thing: a contest round's performances and the
culture works. Each judge fills a sheet on the criteria; the sheets' totals are aggregated. Plain Python."""
import math
from statistics import mean

AGGREGATES = ("sum", "mean", "trimmed_mean")


class ScoreSheetError(ValueError):
    pass


def sheet_total(criteria, sheet):
    """Validate one judge's sheet {criterion: points} against [(criterion, maximum)]; its total."""
    names = [name for name, _ in criteria]
    if set(sheet) != set(names):
        raise ScoreSheetError("score every criterion, and only those")
    total = 0
    for name, maximum in criteria:
        value = sheet[name]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
            raise ScoreSheetError(f"{name}: a whole number from 0 to {maximum}")
        total += value
    return total


def aggregate(totals, method):
    """A team's (or an entry's) score from its judges' totals: their sum, their mean, or their mean after
    dropping one highest and one lowest total (plain mean below three judges). Halves round up."""
    if not totals:
        return 0
    if method == "sum":
        return sum(totals)
    if method == "trimmed_mean" and len(totals) >= 3:
        totals = sorted(totals)[1:-1]
    return math.floor(mean(totals) + 0.5)
