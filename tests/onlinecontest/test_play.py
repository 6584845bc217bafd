"""The set's own endpoints (onlinecontest/play.py): how few queries they make, and that the rules of
the page still hold on them (view restrictions, accounts that gained staff powers, sign-out,
copies of the page and bank retired by changes)."""
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from onlinecontest.records import Certificate, ContestAttempt, Participant
from quizzes.models import Option
from tests.onlinecontest.helpers import answer, join, play, signed_in_client, start

pytestmark = pytest.mark.django_db

# Reading the session and the shared cache's generation token are not the play path's own: with
# Redis (production) sessions and the token come from Redis; on the embedded default from tables.
# SAVEPOINTs are the test's own transaction around each request's atomic block.
NOT_OURS = re.compile(r'"django_session"|"cache_table"|SAVEPOINT', re.I)
WRITE = re.compile(r'(UPDATE|INSERT INTO) "?(\w+)"?')


def queries_of(request):
    with CaptureQueriesContext(connection) as captured:
        response = request()
    return response, [query["sql"] for query in captured.captured_queries if not NOT_OURS.search(query["sql"])]


@pytest.fixture
def player(contest, sms_outbox):
    contest.attempts_per_day, contest.attempts_total = 10, 10
    contest.save()
    client = signed_in_client("13800138000")
    join(client, contest)
    play(client, contest, right=3)  # the first set warms this process's copies of page and bank
    return client


def test_start_is_a_lock_a_count_and_an_insert(contest, player):
    response, queries = queries_of(lambda: start(player, contest))
    assert response.status_code == 302
    assert len(queries) == 3, queries
    assert "onlinecontest_participant" in queries[0] and "COUNT" in queries[1] and queries[2].startswith("INSERT")


def test_the_paper_is_one_query(contest, player):
    start(player, contest)
    attempt = ContestAttempt.objects.order_by("-pk").first()
    response, queries = queries_of(lambda: player.get(attempt.url()))
    assert response.status_code == 200
    assert len(queries) == 1, queries
    page = response.content.decode()
    assert page.count('class="contest-question card"') == 5
    assert "site-header" not in page and "wagtail-userbar" not in page  # no menu, no user bar


def test_a_hand_in_is_one_locked_read_and_one_write_per_record(contest, player):
    start(player, contest)
    attempt = ContestAttempt.objects.order_by("-pk").first()
    # better than the first set (a unit counter to raise) and passing (a certificate), no mistake
    response, queries = queries_of(lambda: answer(player, attempt, right=5))
    assert response.status_code == 302
    assert len(queries) == 5, queries
    assert "FOR UPDATE" in queries[0] or connection.vendor == "sqlite"  # SQLite locks the database instead
    writes = sorted(WRITE.match(query).groups() for query in queries[1:])
    assert writes == [
        ("INSERT INTO", "onlinecontest_certificate"), ("INSERT INTO", "onlinecontest_unittally"),
        ("UPDATE", "onlinecontest_contestattempt"), ("UPDATE", "onlinecontest_participant"),
    ], queries
    attempt.refresh_from_db()
    assert attempt.status == ContestAttempt.Status.SCORED and attempt.score == 50
    assert Certificate.objects.get().score == 50


def test_the_tab_event_is_read_update_read(contest, player):
    start(player, contest)
    attempt = ContestAttempt.objects.order_by("-pk").first()
    response, queries = queries_of(
        lambda: player.post(attempt.events_url(), {"kind": "blur"}, content_type="application/json"))
    assert response.json() == {"switches": 1, "hand_in": False}
    assert len(queries) == 3, queries


def test_a_question_changed_after_the_draw_is_scored_as_it_is_now(contest, player):
    start(player, contest)
    attempt = ContestAttempt.objects.order_by("-pk").first()
    first = attempt.question_ids[0]
    # the editor makes B the right answer of the first question: the bank's copy is retired
    Option.objects.filter(question_id=first).update(is_correct=False)
    option = Option.objects.filter(question_id=first).order_by("sort_order", "pk")[1]
    option.is_correct = True
    option.save()
    answer(player, attempt, right=5)  # answers A everywhere
    attempt.refresh_from_db()
    assert attempt.correct_count == 4


def test_a_settings_change_reaches_the_play_endpoints(contest, player):
    contest.attempts_per_day = 1
    contest.save()
    assert start(player, contest).status_code == 429


def test_a_view_restriction_holds_on_the_play_endpoints(contest, player):
    start(player, contest)
    attempt = ContestAttempt.objects.order_by("-pk").first()
    PageViewRestriction.objects.create(page=contest, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    before = ContestAttempt.objects.count()
    response = start(player, contest)
    assert response.status_code == 302 and response["Location"] == contest.url
    assert ContestAttempt.objects.count() == before
    assert player.get(attempt.url()).status_code == 404


def test_an_account_given_a_staff_group_no_longer_plays(contest, player):
    participant = Participant.objects.get()
    participant.user.groups.add(Group.objects.get_or_create(name="编辑")[0])
    before = ContestAttempt.objects.count()
    assert start(player, contest).status_code == 302
    assert ContestAttempt.objects.count() == before


def test_a_signed_out_session_no_longer_plays(contest, player):
    start(player, contest)
    attempt = ContestAttempt.objects.order_by("-pk").first()
    cookie = player.cookies["sessionid"].value
    player.post("/accounts/logout/")
    player.cookies["sessionid"] = cookie  # the old cookie, replayed
    assert player.get(attempt.url()).status_code == 404
    before = ContestAttempt.objects.count()
    start(player, contest)
    assert ContestAttempt.objects.count() == before


def test_someone_else_cannot_open_or_hand_in_a_set(contest, player, sms_outbox):
    start(player, contest)
    attempt = ContestAttempt.objects.order_by("-pk").first()
    other = signed_in_client("13800138001")
    join(other, contest, name="王安全")
    assert other.get(attempt.url()).status_code == 404
    assert answer(other, attempt).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == ContestAttempt.Status.OPEN


@pytest.mark.django_db(transaction=True)
def test_other_processes_hear_of_a_change_when_it_commits():
    from django.core.cache import cache
    from django.db import transaction

    from onlinecontest import play_cache
    from tests.quizzes.factories import ensure_taxonomy, make_bank, make_question

    ensure_taxonomy()
    bank = make_bank("改动题库")
    before = cache.get(play_cache.generation.key)
    with transaction.atomic():
        question = make_question(bank, "改动前？", options=("甲", "乙"), correct="A")
        question.stem = "改动后？"
        question.save()
        assert cache.get(play_cache.generation.key) == before  # nothing to hear before the commit
    after = cache.get(play_cache.generation.key)
    assert after not in (None, before)
    assert play_cache.bank(bank.pk)[question.pk].stem == "改动后？"
