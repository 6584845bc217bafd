from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from core.organisations.models import Unit
from onlinecontest.records import Certificate, ContestAttempt, DrawLog, Mistake, Participant, UnitTally
from tests.onlinecontest.helpers import answer, join, play, signed_in_client, start

pytestmark = pytest.mark.django_db


def test_phone_participant_joins_plays_and_is_counted(contest, sms_outbox):
    client = signed_in_client("13800138000")
    page = client.get(contest.url).content.decode()
    assert 'class="unit-picker"' in page
    assert join(client, contest).status_code == 302
    participant = Participant.objects.get()
    assert participant.user.phone == "+8613800138000" and participant.town.name == "塘下镇"
    attempt = play(client, contest, right=5)
    assert attempt.status == ContestAttempt.Status.SCORED
    assert (attempt.score, attempt.max_score, attempt.correct_count) == (50, 50, 5)
    assert attempt.draw_earned
    participant.refresh_from_db()
    assert participant.best_score == 50
    tally = UnitTally.objects.get()
    assert (tally.participants, tally.best_score_sum) == (1, 50)
    assert Certificate.objects.get().score == 50


def test_the_paper_is_shuffled_and_the_server_scores_by_real_labels(contest, sms_outbox):
    client = signed_in_client("13800138000")
    join(client, contest)
    start(client, contest)
    attempt = ContestAttempt.objects.get()
    orders = list(attempt.option_orders.values())
    assert all(sorted(order) == ["A", "B", "C", "D"] for order in orders)
    page = client.get(attempt.url()).content.decode()
    # the shown letters are positions; the values sent back are the real labels
    for pk, order in attempt.option_orders.items():
        assert page.index(f'name="q{pk}" value="{order[0]}"') < page.index(f'name="q{pk}" value="{order[1]}"')
    assert "对的选项" in page and "is_correct" not in page


def test_a_second_browser_with_the_same_phone_gets_no_extra_attempts(contest, sms_outbox):
    first = signed_in_client("13800138000")
    join(first, contest)
    play(first, contest)
    cache.clear()  # one code per number per minute
    second = signed_in_client("13800138000")
    assert join(second, contest).status_code == 302
    assert Participant.objects.count() == 1
    play(second, contest)
    response = start(second, contest)
    assert response.status_code == 429
    assert "2" in response.content.decode()
    assert ContestAttempt.objects.filter(practice=False).count() == 2


def test_the_total_limit_holds_across_days(contest, sms_outbox):
    client = signed_in_client("13800138000")
    join(client, contest)
    play(client, contest)
    play(client, contest)
    ContestAttempt.objects.update(started_at=timezone.now() - timedelta(days=1))
    play(client, contest)  # the third and last
    assert start(client, contest).status_code == 429
    assert ContestAttempt.objects.count() == 3


def test_practice_has_its_own_quota_and_does_not_count(contest, sms_outbox):
    client = signed_in_client("13800138000")
    join(client, contest)
    attempt = play(client, contest, right=3, mode="practice")
    assert attempt.practice and attempt.status == ContestAttempt.Status.SCORED
    assert not attempt.draw_earned
    assert not UnitTally.objects.exists() and not Certificate.objects.exists()
    assert Mistake.objects.count() == 2  # the mistakes book still learns
    play(client, contest, mode="practice")
    assert start(client, contest, mode="practice").status_code == 429
    assert start(client, contest).status_code == 302  # contest attempts are untouched


def test_mistakes_book_shows_wrong_answers_with_explanations(contest, sms_outbox):
    client = signed_in_client("13800138000")
    join(client, contest)
    attempt = play(client, contest, right=3)
    wrong = attempt.question_ids[3:]
    page = client.get(contest.url + "mistakes/").content.decode()
    for mistake in Mistake.objects.filter(question_id__in=wrong).select_related("question"):
        assert mistake.question.stem in page and mistake.question.explanation in page
    assert Mistake.objects.count() == 2


def test_signed_out_visitors_are_sent_to_sign_in(contest):
    client = Client()
    page = client.get(contest.url).content.decode()
    assert "/accounts/login/code/" in page
    assert start(client, contest).status_code == 302
    assert not ContestAttempt.objects.exists()


def test_staff_do_not_play_as_participants(contest, sms_outbox, admin_client):
    page = admin_client.get(contest.url).content.decode()
    assert "/accounts/login/code/" in page


def test_anonymous_mode_uses_a_cookie(contest):
    contest.identity = contest.Identity.COOKIE
    contest.save()
    client = Client()
    assert join(client, contest).status_code == 302
    assert Participant.objects.get().visitor is not None
    attempt = play(client, contest)
    assert attempt.status == ContestAttempt.Status.SCORED
    # another browser is another visitor: the stated weakness of this mode
    other = Client()
    assert other.get(attempt.url()).status_code == 404


def test_window_before_and_after(contest, sms_outbox):
    client = signed_in_client("13800138000")
    join(client, contest)
    contest.starts_at = timezone.now() + timedelta(days=1)
    contest.save()
    assert start(client, contest).status_code == 403
    contest.starts_at, contest.ends_at = timezone.now() - timedelta(days=2), timezone.now() - timedelta(days=1)
    contest.save()
    response = start(client, contest)
    assert response.status_code == 403
    assert not ContestAttempt.objects.exists()
    assert "contest-rankings" in client.get(contest.url).content.decode()


def test_a_late_hand_in_is_refused(contest, sms_outbox):
    client = signed_in_client("13800138000")
    join(client, contest)
    start(client, contest)
    attempt = ContestAttempt.objects.get()
    ContestAttempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=30))
    answer(client, attempt)
    attempt.refresh_from_db()
    assert attempt.status == ContestAttempt.Status.LATE and attempt.score == 0
    assert not UnitTally.objects.exists()


def test_tab_switches_are_recorded_and_a_cap_hands_in(contest, sms_outbox):
    client = signed_in_client("13800138000")
    join(client, contest)
    start(client, contest)
    attempt = ContestAttempt.objects.get()
    url = attempt.events_url()
    reply = client.post(url, {"kind": "hidden"}, content_type="application/json").json()
    assert reply == {"switches": 1, "hand_in": False}
    client.post(url, {"kind": "blur"}, content_type="application/json")
    attempt.refresh_from_db()
    assert (attempt.page_hides, attempt.tab_switches) == (1, 1)
    assert client.post(url, {"kind": "nonsense"}, content_type="application/json").status_code == 400
    contest.max_tab_switches = 2
    contest.save()
    assert client.post(url, {"kind": "blur"}, content_type="application/json").json()["hand_in"] is True
    assert Client().post(url, {"kind": "blur"}, content_type="application/json").status_code == 404


def test_lucky_draw_gives_a_code_once_and_respects_the_daily_limit(contest, sms_outbox):
    client = signed_in_client("13800138000")
    join(client, contest)
    attempt = play(client, contest, right=4)
    result = client.get(attempt.result_url()).content.decode()
    assert "/draw/" in result
    client.post(contest.url + f"attempt/{attempt.token}/draw/")
    client.post(contest.url + f"attempt/{attempt.token}/draw/")
    draw = DrawLog.objects.get()
    assert draw.prize.name == "应急包" and len(draw.code) >= 6
    assert draw.code in client.get(attempt.result_url()).content.decode()
    second = play(client, contest, right=5)
    client.post(contest.url + f"attempt/{second.token}/draw/")
    assert DrawLog.objects.count() == 1  # one draw a day


def test_too_few_correct_answers_earn_no_draw(contest, sms_outbox):
    client = signed_in_client("13800138000")
    join(client, contest)
    attempt = play(client, contest, right=3)
    assert not attempt.draw_earned
    client.post(contest.url + f"attempt/{attempt.token}/draw/")
    assert not DrawLog.objects.exists()


def test_prizes_run_out(contest, sms_outbox):
    for index, number in enumerate(["13800138000", "13800138001"]):
        client = signed_in_client(number)
        join(client, contest, name=f"选手{index}")
        attempt = play(client, contest, right=5)
        client.post(contest.url + f"attempt/{attempt.token}/draw/")
    assert DrawLog.objects.filter(prize__isnull=False).count() == 1
    assert DrawLog.objects.filter(prize__isnull=True, code__isnull=True).count() == 1


def test_join_requires_a_registered_unit(contest, sms_outbox):
    client = signed_in_client("13800138000")
    response = client.post(contest.url + "join/", {"name": "李安全", "unit": "99999"})
    assert response.status_code == 400
    assert "名录" in response.content.decode()
    response = client.post(contest.url + "join/", {"name": " ", "unit": Unit.objects.first().pk})
    assert response.status_code == 400
    assert not Participant.objects.exists()


def test_the_review_uses_the_letters_the_paper_showed(contest, sms_outbox):
    client = signed_in_client("13800138000")
    join(client, contest)
    attempt = play(client, contest, right=5)
    review = client.get(attempt.result_url()).context["review"]
    for item in review:
        order = attempt.option_orders[str(item["question"].pk)]
        shown_letter = "ABCD"[order.index("A")]  # the real answer is A; where did the paper show it?
        assert item["correct"] == item["chosen"] == shown_letter
        assert item["options"][order.index("A")][1] == "对的选项"
