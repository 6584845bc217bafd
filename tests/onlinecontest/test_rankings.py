import random
import uuid
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.accounts.phone import masked
from core.organisations.models import Town, Unit
from onlinecontest import tallies
from pagecache import generation
from onlinecontest.records import ContestAttempt, Participant, UnitTally

pytestmark = pytest.mark.django_db


def participant(page, name, unit, user=None):
    return Participant.objects.create(page=page, name=name, unit=unit, town=unit.town, user=user)


def test_ranking_arithmetic(contest):
    school = Unit.objects.get(name="塘下镇中心小学")  # headcount 1260
    village = Unit.objects.get(name="塘下镇鲍田村")  # 2300, same town
    office = Unit.objects.get(name="瑞安市应急管理局")  # 120, 安阳街道
    people = [participant(contest, f"人{i}", school) for i in range(3)] + [participant(contest, "乙", office)]
    for person, score in zip(people, (50, 30, 40, 20)):
        tallies.record_best(person, score, 60000)
    tallies.record_best(people[1], 20, 50000)  # worse: nothing changes
    tallies.record_best(people[1], 50, 70000)  # better: +20
    tallies.record_best(people[0], 50, 40000)  # same score, faster: no change to the sum
    people[0].refresh_from_db()
    assert (people[0].best_score, people[0].best_duration_ms, people[0].scored_attempts) == (50, 40000, 2)

    units = {row["name"]: row for row in tallies.unit_ranking(contest)}
    assert units[school.name]["participants"] == 3
    assert units[school.name]["rate"] == pytest.approx(3 / 1260)
    assert units[school.name]["average"] == pytest.approx((50 + 50 + 40) / 3)
    assert units[office.name]["rate"] == pytest.approx(1 / 120)
    assert [row["name"] for row in tallies.unit_ranking(contest)] == [office.name, school.name]

    towns = {row["name"]: row for row in tallies.town_ranking(contest)}
    tangxia_headcount = sum(Unit.objects.filter(town__name="塘下镇").values_list("headcount", flat=True))
    assert tangxia_headcount > 1260 + 2300  # units that did not play still count in the denominator
    assert towns["塘下镇"]["rate"] == pytest.approx(3 / tangxia_headcount)
    assert towns["安阳街道"]["average"] == 20
    assert village.name not in units


def test_unit_without_headcount_shows_no_rate(contest):
    unit = Unit.objects.create(town=Town.objects.first(), name="新单位", headcount=0)
    tallies.record_best(participant(contest, "丙", unit), 30, 1000)
    (row,) = [row for row in tallies.unit_ranking(contest) if row["name"] == "新单位"]
    assert row["rate"] is None and row["average"] == 30


def test_top_list_is_masked(contest, django_user_model):
    user = django_user_model.objects.create_user("p1", phone="+8613800138000", phone_verified=True)
    person = participant(contest, "李安全", Unit.objects.first(), user=user)
    tallies.record_best(person, 50, 1000)
    (top,) = tallies.top_participants(contest)
    assert top["name"] == "李**" and top["phone"] == masked("+8613800138000") == "138****8000"
    html = Client().get(contest.url + "rankings/").content.decode()
    assert "李**" in html and "李安全" not in html and "13800138000" not in html


def test_rankings_cost_the_same_number_of_queries_at_100k_attempts(contest, client):
    units = list(Unit.objects.all())
    rng = random.Random(7)
    people = Participant.objects.bulk_create(
        Participant(page=contest, name=f"选手{i}", unit=(unit := rng.choice(units)), town_id=unit.town_id,
                    visitor=uuid.uuid4(), best_score=rng.randrange(0, 51, 10), best_duration_ms=60000,
                    scored_attempts=1)
        for i in range(5000)
    )
    for unit in units:
        mine = [p for p in people if p.unit_id == unit.pk]
        if mine:
            UnitTally.objects.create(page=contest, unit=unit, town_id=unit.town_id, participants=len(mine),
                                     best_score_sum=sum(p.best_score for p in mine))

    def count_queries():
        caches["pages"].clear()  # rendering is what is counted, not the anonymous page cache
        generation.current()  # nor the cache's once-a-second look at its generation
        with CaptureQueriesContext(connection) as queries:
            assert client.get(contest.url + "rankings/").status_code == 200
        return len(queries)

    count_queries()  # the first request also caches the site and the page tree
    before = count_queries()
    now = timezone.now()
    batch = []
    for index in range(100_000):
        person = people[index % len(people)]
        batch.append(ContestAttempt(
            page=contest, participant=person, started_at=now - timedelta(minutes=index % 5000), deadline=now,
            status=ContestAttempt.Status.SCORED, score=person.best_score, max_score=50, correct_count=5,
        ))
        if len(batch) == 10_000:
            ContestAttempt.objects.bulk_create(batch)
            batch = []
    assert ContestAttempt.objects.count() == 100_000
    after = count_queries()
    assert after == before
    assert after <= 20
    with CaptureQueriesContext(connection) as queries:
        client.get(contest.url + "rankings/")
    assert not any("onlinecontest_contestattempt" in query["sql"] for query in queries.captured_queries)
