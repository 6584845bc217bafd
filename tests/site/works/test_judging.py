"""Judges score blind on the call's criteria; the expert score uses core.judging; results combine
expert and public scores by the call's weight and hand out the awards."""
import re
from decimal import Decimal

import pytest
from django.test import Client

from works.entries import JudgeSheet
from works.scoring import Standing, awarded, combine, standings
from works.voting import cast

pytestmark = pytest.mark.django_db


def shows(html, text):
    """Whether `text` stands on the page as a word of its own, not inside a random CSRF token or
    script nonce (a token held "94" once in about sixty runs)."""
    html = re.sub(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]*"', "", html)
    return re.search(rf"(?<![0-9A-Za-z]){re.escape(text)}(?![0-9A-Za-z])", html) is not None


def sheet(entry, judge, theme, style):
    return JudgeSheet.objects.create(entry=entry, judge=judge, points={"主题": theme, "表现": style}, total=theme + style)


def test_a_judge_scores_on_the_criteria_and_sees_only_his_own_sheet(call, make_entry, judge, voter):
    entry = make_entry("评审作品")
    first, second = judge("j1"), judge("j2")
    sheet(entry, second, 57, 37)
    cast(call, entry, voter(), "203.0.113.1")
    client = Client()
    client.force_login(first)
    response = client.get(call.url + f"judging/{entry.pk}/")
    page = response.content.decode()
    assert 'value="57"' not in page and not shows(page, "94") and "1 票" not in page  # no other sheet, no votes
    assert "valid_votes" not in response.context and "standings" not in response.context
    assert entry.unit.name not in page and entry.authors not in page  # blind: no unit, no authors
    bad = client.post(call.url + f"judging/{entry.pk}/", {"c0": 61, "c1": 10})
    assert bad.status_code == 200 and "c0" in bad.context["form"].errors
    client.post(call.url + f"judging/{entry.pk}/", {"c0": 50, "c1": 30})
    assert JudgeSheet.objects.get(judge=first).points == {"主题": 50, "表现": 30}
    listing = client.get(call.url + "judging/").content.decode()
    assert "已评：80 分" in listing and not shows(listing, "94")


def test_only_the_calls_judges_reach_the_judging_pages(call, make_entry, voter, judge):
    entry = make_entry()
    for person in (voter(), judge("judge-of-another-call", chosen=False)):
        client = Client()
        client.force_login(person)
        assert client.get(call.url + "judging/").status_code == 403
        assert client.post(call.url + f"judging/{entry.pk}/", {"c0": 1, "c1": 1}).status_code == 403
    assert not JudgeSheet.objects.exists()


def test_expert_score_is_the_trimmed_mean_and_the_final_score_weighs_in_the_votes(call, make_entry, judge, voter):
    top, other = make_entry("甲"), make_entry("乙")
    judges = [judge(f"j{number}") for number in range(3)]
    for person, (theme, style) in zip(judges, [(40, 30), (50, 30), (60, 35)]):  # totals 70, 80, 95
        sheet(top, person, theme, style)
    for person, (theme, style) in zip(judges, [(50, 40), (55, 40), (30, 20)]):  # totals 90, 95, 50
        sheet(other, person, theme, style)
    people = [voter(f"v{number}") for number in range(4)]
    for number, person in enumerate(people):
        cast(call, other, person, f"203.0.113.{number + 1}")
    cast(call, top, people[0], "203.0.113.1")

    rows = {row.entry.title: row for row in standings(call)}
    assert rows["甲"].expert == 80 and rows["乙"].expert == 90  # the middle totals
    assert rows["甲"].public_scaled == Decimal("25.00") and rows["乙"].public_scaled == Decimal("100.00")
    assert rows["甲"].combined == Decimal("63.50")  # 80 × 0.7 + 25 × 0.3
    assert rows["乙"].combined == Decimal("93.00")  # 90 × 0.7 + 100 × 0.3
    assert [row.entry.title for row in standings(call)] == ["乙", "甲"]


def test_sum_method_scales_by_the_judges_full_marks(call, make_entry, judge):
    call.expert_method = "sum"
    call.expert_weight = 100
    call.save()
    entry = make_entry()
    sheet(entry, judge("j1"), 60, 40)
    sheet(entry, judge("j2"), 30, 20)
    row = standings(call)[0]
    assert row.expert == 150 and row.expert_scaled == Decimal("75.00") and row.combined == Decimal("75.00")


def test_awards_by_place_with_ties_sharing_an_award(call, make_entry):
    class Row:
        def __init__(self, place):
            self.place, self.award_level = place, None

        award = Standing.award

    rows = awarded([Row(1), Row(2), Row(2), Row(4), Row(5), Row(6)], (1, 1, 1, 2))
    # Two share the second place: the third prize goes to nobody, as places skip (1, 2, 2, 4).
    assert [row.award for row in rows] == ["一等奖", "二等奖", "二等奖", "优秀奖", "优秀奖", ""]
    assert combine(Decimal(80), Decimal(20), 60) == Decimal("56.00")


def test_the_results_page_shows_the_ranking_and_awards(call, make_entry, judge):
    from works.models import WorksResultsPage

    entry = make_entry("获奖作品")
    sheet(entry, judge(), 55, 35)
    results = WorksResultsPage(title="评选结果", slug="results", first_prizes=1)
    call.add_child(instance=results)
    results.save_revision().publish()
    page = Client().get(results.url).content.decode()
    assert "获奖作品" in page and "一等奖" in page
