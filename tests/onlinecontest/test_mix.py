"""What the retired cookie quiz brought to the contest: sets drawn by a mix of question types
(组卷), the editor told when the bank cannot satisfy it, and the place of one's best score."""
from collections import Counter

import pytest
from django.test import Client

from onlinecontest.models import MixRow, OnlineContestPage
from onlinecontest.records import ContestAttempt
from quizzes.models import Question
from tests.onlinecontest.helpers import join, play, start
from tests.quizzes.factories import make_question

pytestmark = pytest.mark.django_db

MIX = [(3, "single"), (1, "multiple"), (1, "truefalse")]


@pytest.fixture
def quiz(contest):
    """The contest in anonymous mode with a mix: 3 single (of the 6), 1 multiple, 1 true/false."""
    make_question(contest.bank, "多选题？", kind=Question.Kind.MULTIPLE, options=("甲", "乙", "丙", "丁"), correct="ABD")
    make_question(contest.bank, "判断题？", kind=Question.Kind.TRUE_FALSE, correct="B")
    contest.identity = contest.Identity.COOKIE
    contest.save()
    MixRow.objects.bulk_create([MixRow(page=contest, count=count, kind=kind, sort_order=n)
                                for n, (count, kind) in enumerate(MIX)])
    return contest


def test_a_set_follows_the_mix(quiz):
    client = Client()
    join(client, quiz)
    attempt = play(client, quiz)
    kinds = Counter(Question.objects.filter(pk__in=attempt.question_ids).values_list("kind", flat=True))
    assert kinds == {"single": 3, "multiple": 1, "truefalse": 1}
    assert set(attempt.option_orders) == {str(pk) for pk in attempt.question_ids}


def test_a_bank_that_cannot_satisfy_the_mix_gives_a_clear_error(quiz):
    quiz.mix_rows.filter(kind="multiple").update(count=2)
    client = Client()
    join(client, quiz)
    response = start(client, quiz)
    assert response.status_code == 503
    assert "题库无法满足" in response.content.decode()
    assert not ContestAttempt.objects.exists()


def edit_form(page, rows, question_count=5):
    form_class = OnlineContestPage.get_edit_handler().get_form_class()
    data = {
        "title": page.title, "slug": page.slug, "bank": page.bank.pk, "introduction": "",
        "question_count": question_count, "time_limit": 150, "identity": "cookie", "attempts_per_day": 2,
        "attempts_total": 3, "practice_per_day": 2, "max_tab_switches": 0, "pass_percent": 80,
        "draw_min_correct": 1, "draws_per_day": 1, "no_prize_weight": 50,
        "prizes-TOTAL_FORMS": 0, "prizes-INITIAL_FORMS": 0, "prizes-MIN_NUM_FORMS": 0, "prizes-MAX_NUM_FORMS": 1000,
        "mix_rows-TOTAL_FORMS": len(rows), "mix_rows-INITIAL_FORMS": 0, "mix_rows-MIN_NUM_FORMS": 0,
        "mix_rows-MAX_NUM_FORMS": 1000,
    }
    for index, (count, kind) in enumerate(rows):
        data.update({f"mix_rows-{index}-count": count, f"mix_rows-{index}-kind": kind,
                     f"mix_rows-{index}-ORDER": index + 1, f"mix_rows-{index}-id": ""})
    return form_class(data, instance=page, for_user=None)


def test_the_editor_is_told_when_the_bank_cannot_satisfy_the_mix(quiz):
    good = edit_form(quiz, [(6, "single"), (1, "truefalse")], question_count=5)
    assert good.is_valid(), good.errors
    assert good.cleaned_data["question_count"] == 7  # the set is the mix's sum
    bad = edit_form(quiz, [(7, "single")])
    assert not bad.is_valid()
    assert "题库中只有 6 道符合条件" in str(bad.errors["bank"])
    assert edit_form(quiz, []).is_valid()  # no rows: any questions of the bank


def test_the_result_shows_the_place_of_the_best_score_then_time(contest, sms_outbox):
    from tests.onlinecontest.helpers import signed_in_client

    players = []
    for number, right in (("13800138001", 5), ("13800138002", 3), ("13800138003", 5)):
        client = signed_in_client(number)
        join(client, contest, name=f"选手{number[-1]}")
        players.append((client, play(client, contest, right=right)))
    first, second, third = (attempt for _client, attempt in players)
    ContestAttempt.objects.filter(pk=third.pk).update(duration_ms=first.duration_ms + 1000)
    third.participant.best_duration_ms = first.duration_ms + 1000
    third.participant.save()

    def shown_place(client, attempt):
        body = client.get(attempt.result_url()).content.decode()
        return body[body.index("contest-score__place"):].split("</p>")[0]

    assert "排第 1 名（共 3 人）" in shown_place(players[0][0], first)
    assert "排第 2 名（共 3 人）" in shown_place(players[2][0], third)
    assert "30 分" in shown_place(players[1][0], second) and "排第 3 名" in shown_place(players[1][0], second)
