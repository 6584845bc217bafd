"""core.compiled_sql on the play path's own reads: the same instances as the ORM's queryset, the
SQL compiled once per process, and clear errors for what it cannot stand in for."""
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.compiled_sql import CompiledRead
from onlinecontest import play, views
from onlinecontest.records import ContestAttempt, Participant
from tests.onlinecontest.helpers import join, play as play_a_set, signed_in_client

pytestmark = pytest.mark.django_db

TOKEN = ContestAttempt._meta.get_field("token")


@pytest.fixture
def attempt(contest, sms_outbox):
    contest.attempts_per_day = contest.attempts_total = 10
    contest.save()
    client = signed_in_client("13800138000")
    join(client, contest)
    return play_a_set(client, contest, right=3)


def test_the_attempt_read_builds_what_the_orm_builds(attempt):
    compiled = play.ATTEMPT_READS[False].first(token=attempt.token)
    expected = ContestAttempt.objects.select_related("participant__user").get(token=attempt.token)
    for field in ContestAttempt._meta.concrete_fields:
        assert getattr(compiled, field.attname) == getattr(expected, field.attname), field.name
    assert compiled.question_ids == expected.question_ids and isinstance(compiled.option_orders, dict)
    assert timezone.is_aware(compiled.deadline)
    with CaptureQueriesContext(connection) as captured:  # related rows came with the read
        assert compiled.participant.user.phone == expected.participant.user.phone
    assert not captured.captured_queries
    assert compiled.in_a_group is False
    compiled.participant.user.groups.add(Group.objects.create(name="评委"))
    assert play.ATTEMPT_READS[False].first(token=attempt.token).in_a_group is True


def test_an_unknown_value_reads_nothing(attempt):
    assert play.ATTEMPT_READS[False].first(token=attempt.token.hex[::-1]) is None


def test_the_queryset_is_built_and_compiled_once(attempt):
    built = []

    def build(token):
        built.append(token)
        return ContestAttempt.objects.filter(token=token)

    read = CompiledRead(build, token=TOKEN)
    with CaptureQueriesContext(connection) as captured:
        for _ in range(3):
            assert read.first(token=attempt.token).pk == attempt.pk
    assert len(built) == 1
    assert len({query["sql"] for query in captured.captured_queries}) == 1


def test_a_locking_read_locks_on_a_database_that_can(attempt):
    with transaction.atomic(), CaptureQueriesContext(connection) as captured:
        assert play.ATTEMPT_READS[True].first(token=attempt.token).pk == attempt.pk
    sql = captured.captured_queries[-1]["sql"]
    assert ("FOR UPDATE" in sql) == connection.features.has_select_for_update


def test_the_counts_read_takes_a_moment_as_its_variable(attempt):
    participant = Participant.objects.get()
    yesterday = timezone.now() - timedelta(days=1, hours=1)
    ContestAttempt.objects.create(page_id=attempt.page_id, participant=participant, question_ids=[], option_orders={},
                                  started_at=yesterday, deadline=yesterday, practice=True)
    counts = views.ATTEMPT_COUNTS.first(pk=participant.pk, since=views.midnight())
    assert (counts.contest_today, counts.practice_today, counts.total) == (1, 0, 1)
    counts = views.ATTEMPT_COUNTS.first(pk=participant.pk, since=yesterday - timedelta(minutes=1))
    assert (counts.contest_today, counts.practice_today, counts.total) == (1, 1, 1)


def test_what_it_cannot_stand_in_for_is_refused_clearly(attempt):
    by_status = CompiledRead(lambda status: ContestAttempt.objects.filter(status=status),
                             status=ContestAttempt._meta.get_field("status"))
    with pytest.raises(TypeError, match="CharField"):
        by_status.first(status="open")
    ignored = CompiledRead(lambda token: ContestAttempt.objects.all(), token=TOKEN)
    with pytest.raises(ValueError, match="token is not a parameter"):
        ignored.first(token=attempt.token)


def test_insert_and_update_store_what_save_stores(attempt):
    from core import compiled_sql

    participant = Participant.objects.get()
    now = timezone.now()
    written = compiled_sql.insert(ContestAttempt(
        page_id=attempt.page_id, participant=participant, question_ids=[3, 1, 2], option_orders={"3": ["B", "A"]},
        started_at=now, deadline=now + timedelta(seconds=150)))
    assert written.pk and not written._state.adding
    stored = ContestAttempt.objects.get(pk=written.pk)
    assert (stored.token, stored.question_ids, stored.option_orders, stored.deadline, stored.status) == (
        written.token, [3, 1, 2], {"3": ["B", "A"]}, now + timedelta(seconds=150), ContestAttempt.Status.OPEN)

    written.answers, written.score, written.status, written.submitted_at = {"3": "AB", "1": "塘"}, 20, "scored", now
    compiled_sql.update(written, ["answers", "score", "status", "submitted_at"])
    stored.refresh_from_db()
    assert (stored.answers, stored.score, stored.status, stored.submitted_at) == ({"3": "AB", "1": "塘"}, 20, "scored", now)
    assert stored.correct_count == 0  # fields not named are left as they were
