from datetime import timedelta

import pytest
from django.utils import timezone

from onlinequiz.models import Attempt, OnlineQuizPage
from quizzes.models import Question
from tests.quizzes.factories import make_question

pytestmark = pytest.mark.django_db


def start(client, page, **data):
    response = client.post(page.url + "start/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Attempt.objects.order_by("-pk").first(), response["Location"]


def correct_answers(attempt):
    answers = {}
    for question in Question.objects.filter(pk__in=attempt.question_ids):
        answers[f"q{question.pk}"] = list(question.correct_labels())
    return answers


def test_page_explains_the_rules_in_chinese(client, quiz_page):
    body = client.get(quiz_page.url).content.decode()
    assert "5 道题" in body and "开始答题" in body and "排行榜" in body


def test_the_paper_never_contains_the_answers(client, quiz_page):
    attempt, location = start(client, quiz_page)
    body = client.get(location).content.decode()
    assert len(attempt.question_ids) == 5
    for question in Question.objects.filter(pk__in=attempt.question_ids):
        assert question.stem in body
        assert question.explanation not in body
    assert "is_correct" not in body and "correct" not in body.lower().replace("incorrect", "")


def test_full_marks_then_result_shows_score_rank_and_explanations(client, quiz_page):
    attempt, location = start(client, quiz_page, name="张三", unit="塘下镇")
    response = client.post(location, correct_answers(attempt))
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SCORED
    assert attempt.score == attempt.max_score == 60
    assert attempt.correct_count == 5
    body = client.get(response["Location"]).content.decode()
    assert "60" in body and "第 1 名" in body
    for question in Question.objects.filter(pk__in=attempt.question_ids):
        assert question.explanation in body
    assert "张三" in client.get(quiz_page.url).content.decode()  # on the leaderboard


def test_tampered_form_cannot_change_the_score(client, quiz_page):
    attempt, location = start(client, quiz_page)
    answers = {}
    questions = Question.objects.filter(pk__in=attempt.question_ids)
    for question in questions:
        # every option ticked on single-choice questions, made-up labels, a forged score
        answers[f"q{question.pk}"] = ["A", "B", "C", "Z"] if question.kind != "multiple" else ["A", "X"]
    outsider = make_question(quiz_page.bank, "不在试卷里的题？", correct="A", points=100)
    answers[f"q{outsider.pk}"] = ["A"]
    answers.update(score="1000", max_score="1", correct_count="5")
    client.post(location, answers)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SCORED
    assert attempt.score == 0 and attempt.correct_count == 0
    assert str(outsider.pk) not in attempt.answers
    assert set(attempt.answers.values()) <= {"ABC", "AB", "A"}


def test_late_submission_is_refused_and_scores_nothing(client, quiz_page):
    attempt, location = start(client, quiz_page)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=6))
    response = client.post(location, correct_answers(attempt))
    assert response.status_code == 403
    assert "不计分" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.LATE and attempt.score == 0
    # and a second try with the same attempt changes nothing
    client.post(location, correct_answers(attempt))
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.LATE and attempt.score == 0


def test_submission_within_the_grace_second_counts(client, quiz_page):
    attempt, location = start(client, quiz_page)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    client.post(location, correct_answers(attempt))
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SCORED and attempt.score == 60


def test_a_paper_is_scored_once(client, quiz_page):
    attempt, location = start(client, quiz_page)
    client.post(location, correct_answers(attempt))
    client.post(location, {})
    attempt.refresh_from_db()
    assert attempt.score == 60


def test_attempts_per_day_are_limited_per_visitor(client, quiz_page):
    for _ in range(2):
        start(client, quiz_page)
        Attempt.objects.update(status=Attempt.Status.SCORED)
    response = client.post(quiz_page.url + "start/", {})
    assert response.status_code == 429
    assert "今天的 2 次机会已用完" in response.content.decode()
    assert Attempt.objects.count() == 2
    # yesterday's attempts do not count
    Attempt.objects.update(started_at=timezone.now() - timedelta(days=1))
    start(client, quiz_page)


def test_another_visitor_cannot_open_or_submit_my_attempt(client, quiz_page, django_user_model):
    from django.test import Client

    attempt, location = start(client, quiz_page)
    stranger = Client()
    assert stranger.get(location).status_code == 404
    assert stranger.post(location, correct_answers(attempt)).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.OPEN


def test_rank_orders_by_score_then_time(client, quiz_page):
    from django.test import Client

    scores = []
    for wrong in (0, 1, 0):
        visitor = Client()
        attempt, location = start(visitor, quiz_page)
        answers = correct_answers(attempt)
        if wrong:
            answers.pop(next(iter(answers)))
        visitor.post(location, answers)
        scores.append((visitor, Attempt.objects.get(pk=attempt.pk)))
    first, second, third = (attempt for _visitor, attempt in scores)
    Attempt.objects.filter(pk=third.pk).update(duration_ms=first.duration_ms + 1000)
    from onlinequiz.views import rank

    assert rank(Attempt.objects.get(pk=first.pk)) == (1, 3)
    assert rank(Attempt.objects.get(pk=third.pk)) == (2, 3)
    assert rank(Attempt.objects.get(pk=second.pk)) == (3, 3)


def test_a_bank_that_cannot_satisfy_the_mix_gives_a_clear_error(client, quiz_page):
    quiz_page.mix_rows.update(count=50)
    response = client.post(quiz_page.url + "start/", {})
    assert response.status_code == 503
    assert "题库无法满足" in response.content.decode()


def test_the_editor_is_told_when_the_bank_cannot_satisfy_the_mix(quiz_page):
    form_class = OnlineQuizPage.get_edit_handler().get_form_class()

    def form(count):
        data = {
            "title": quiz_page.title, "slug": quiz_page.slug, "bank": quiz_page.bank.pk, "time_limit": 120,
            "attempts_per_day": 2, "introduction": "",
            "mix_rows-TOTAL_FORMS": 1, "mix_rows-INITIAL_FORMS": 0, "mix_rows-MIN_NUM_FORMS": 1,
            "mix_rows-MAX_NUM_FORMS": 1000, "mix_rows-0-count": count, "mix_rows-0-kind": "single",
            "mix_rows-0-ORDER": 1, "mix_rows-0-id": "",
        }
        return form_class(data, instance=quiz_page, for_user=None)

    assert form(4).is_valid()
    bad = form(5)
    assert not bad.is_valid()
    assert "题库中只有 4 道符合条件" in str(bad.errors["bank"])
