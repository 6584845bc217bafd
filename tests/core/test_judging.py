"""The judged-round arithmetic is one function used by the contests and the culture works alike."""
import pytest

from contests.rules import contest
from core import judging
from core.judging import ScoreSheetError, aggregate, sheet_total


def test_trimmed_mean_drops_one_highest_and_one_lowest():
    assert aggregate([70, 80, 95], "trimmed_mean") == 80
    assert aggregate([60, 70, 80, 100], "trimmed_mean") == 75
    assert aggregate([70, 80, 95], "mean") == 82  # 81.67 rounds to 82
    assert aggregate([70, 80, 95], "sum") == 245


def test_trimmed_mean_below_three_judges_is_the_plain_mean_and_halves_round_up():
    assert aggregate([81, 82], "trimmed_mean") == 82  # 81.5
    assert aggregate([], "trimmed_mean") == 0


def test_the_contests_use_the_same_function():
    assert contest.aggregate is judging.aggregate
    assert contest.sheet_total is judging.sheet_total


def test_sheet_total_refuses_points_out_of_range_or_missing():
    criteria = [("主题", 30), ("表现", 20)]
    assert sheet_total(criteria, {"主题": 30, "表现": 0}) == 30
    with pytest.raises(ScoreSheetError):
        sheet_total(criteria, {"主题": 31, "表现": 0})
    with pytest.raises(ScoreSheetError):
        sheet_total(criteria, {"主题": 10})
