"""Migration 0004 turns the removed cookie quiz's pages into contests in anonymous mode (same page,
same URL) and archives their attempts. The old app's tables are rebuilt here with SQL, as a
database that had the app still has them."""
import importlib
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from onlinecontest.models import OnlineContestPage
from onlinecontest.records import ArchivedQuizAttempt
from tests.quizzes.factories import make_bank

pytestmark = pytest.mark.django_db

migration = importlib.import_module("onlinecontest.migrations.0004_retire_onlinequiz")

LEGACY_TABLES = [
    "CREATE TABLE onlinequiz_onlinequizpage (page_ptr_id integer PRIMARY KEY, introduction text NOT NULL, "
    "bank_id integer NULL, time_limit integer NOT NULL, attempts_per_day integer NOT NULL, "
    "show_leaderboard boolean NOT NULL)",
    "CREATE TABLE onlinequiz_mixrow (id integer PRIMARY KEY, sort_order integer NULL, count integer NOT NULL, "
    "kind varchar(10) NOT NULL, difficulty integer NULL, area_id integer NULL, venue_id integer NULL, "
    "page_id integer NOT NULL)",
    "CREATE TABLE onlinequiz_attempt (id integer PRIMARY KEY, page_id integer NOT NULL, name varchar(40) NOT NULL, "
    "unit varchar(60) NOT NULL, status varchar(10) NOT NULL, score integer NOT NULL, max_score integer NOT NULL, "
    "correct_count integer NOT NULL, duration_ms integer NULL, started_at timestamp with time zone NOT NULL, "
    "submitted_at timestamp with time zone NULL)",
]


@pytest.fixture
def legacy_quiz(db):
    """A published OnlineQuizPage at /online-quiz/ with a mix of 5 + 3 and two attempts."""
    old_type = ContentType.objects.get_or_create(app_label="onlinequiz", model="onlinequizpage")[0]
    ContentType.objects.get_or_create(app_label="onlinequiz", model="attempt")
    page = Page(title="网上答题", slug="online-quiz", show_in_menus=True)
    Page.objects.get(depth=2).add_child(instance=page)
    Page.objects.filter(pk=page.pk).update(content_type=old_type)
    page.refresh_from_db()
    bank = make_bank()
    revision = page.save_revision()
    content = dict(revision.content, content_type=old_type.pk, introduction="旧的介绍", bank=bank.pk,
                   time_limit=300, attempts_per_day=3, show_leaderboard=True,
                   mix_rows=[{"pk": 7, "page": page.pk, "count": 5, "kind": "single", "sort_order": 0}])
    type(revision).objects.filter(pk=revision.pk).update(content=content, content_type=old_type)
    now = timezone.now()
    ops = connection.ops
    with connection.cursor() as cursor:
        for statement in LEGACY_TABLES:
            cursor.execute(statement)
        cursor.execute("INSERT INTO onlinequiz_onlinequizpage VALUES (%s, %s, %s, %s, %s, %s)",
                       [page.pk, "每天三次机会", bank.pk, 300, 3, True])
        cursor.execute("INSERT INTO onlinequiz_mixrow VALUES (1, 0, 5, 'single', NULL, NULL, NULL, %s), "
                       "(2, 1, 3, 'multiple', 2, NULL, NULL, %s)", [page.pk, page.pk])
        cursor.execute(
            "INSERT INTO onlinequiz_attempt VALUES (1, %s, '=HYPERLINK(1)', '塘下镇', 'scored', 50, 80, 5, 30000, %s, %s), "
            "(2, %s, '', '', 'late', 0, 0, 0, NULL, %s, NULL)",
            [page.pk, ops.adapt_datetimefield_value(now - timedelta(minutes=5)), ops.adapt_datetimefield_value(now),
             page.pk, ops.adapt_datetimefield_value(now)],
        )
    return page, bank


def test_quiz_pages_become_anonymous_contests_at_the_same_url(legacy_quiz, client):
    page, bank = legacy_quiz
    migration.retire(apps, SimpleNamespace(connection=connection))

    contest = Page.objects.get(pk=page.pk).specific
    assert isinstance(contest, OnlineContestPage)
    assert (contest.identity, contest.bank, contest.time_limit, contest.attempts_per_day) == ("cookie", bank, 300, 3)
    assert contest.question_count == 8 and contest.draw_min_correct == 4 and contest.draws_per_day == 0
    assert [(row.count, row.kind, row.difficulty) for row in contest.mix_rows.all()] == [(5, "single", None),
                                                                                        (3, "multiple", 2)]
    assert contest.introduction == "每天三次机会" and contest.url == "/online-quiz/"
    body = client.get("/online-quiz/").content.decode()
    assert "网上答题" in body and "每天三次机会" in body

    # the revisions follow: an editor can open and publish them
    revision = contest.get_latest_revision()
    draft = revision.as_object()
    assert isinstance(draft, OnlineContestPage) and draft.identity == "cookie"
    assert [row.pk for row in draft.mix_rows.all()] == [None]
    revision.publish()
    assert [row.count for row in OnlineContestPage.objects.get(pk=page.pk).mix_rows.all()] == [5]

    archived = {attempt.name: attempt for attempt in ArchivedQuizAttempt.objects.filter(page=contest)}
    assert set(archived) == {"=HYPERLINK(1)", ""}
    scored = archived["=HYPERLINK(1)"]
    assert (scored.unit, scored.status, scored.score, scored.max_score, scored.seconds_taken) == ("塘下镇", "scored", 50, 80, 30)

    assert not {"onlinequiz_onlinequizpage", "onlinequiz_mixrow", "onlinequiz_attempt"} & set(
        connection.introspection.table_names())
    assert not ContentType.objects.filter(app_label="onlinequiz").exists()


def test_without_the_old_tables_nothing_happens(contest):
    migration.retire(apps, SimpleNamespace(connection=connection))
    assert OnlineContestPage.objects.get().identity == "phone"
    assert not ArchivedQuizAttempt.objects.exists()
