"""A small contest for the consumer, page and browser tests: three teams, a compulsory, a buzzer
and a risk round drawn from a bank of single-choice questions whose correct option is B."""
import pytest

from core.accounts.roles import HOSTS, JUDGES

EXPLANATION = "解析：这是只有主持人在揭晓前能看到的说明。"


def make_bank(size=20):
    from quizzes.models import Option, Question, QuestionBank

    bank = QuestionBank.objects.create(name="测试题库")
    for number in range(size):
        question = Question.objects.create(bank=bank, stem=f"第{number + 1}题：发现火情应拨打哪个电话？", explanation=EXPLANATION)
        for text, correct in (("110", False), ("119", True), ("120", False), ("122", False)):
            Option.objects.create(question=question, text=text, is_correct=correct)
    return bank


def make_contest(answer_seconds=30, reading_seconds=0, judged=False):
    from django.contrib.auth.models import Group

    from core.accounts.models import User
    from contests.interunit.drawing import draw_round_questions
    from contests.interunit.models import Contest, Round, Team

    bank = make_bank()
    host = User.objects.create_user("host", password="pw-host-123456")
    host.groups.add(Group.objects.get_or_create(name=HOSTS)[0])
    contest = Contest.objects.create(title="测试联赛", start_score=100)
    contest.hosts.add(host)
    for order, (name, colour) in enumerate((("消防一队", "#c0392b"), ("交通二队", "#1f6feb"), ("化工三队", "#2e7d32"))):
        Team.objects.create(contest=contest, name=name, unit=f"单位{order + 1}", colour=colour, order=order)
    common = {"bank": bank, "reading_seconds": reading_seconds, "answer_seconds": answer_seconds}
    rounds = [
        Round.objects.create(contest=contest, order=1, kind="compulsory", title="必答题", mix=[{"count": 1}],
                             points=10, wrong_penalty=5, **common),
        Round.objects.create(contest=contest, order=2, kind="buzzer", title="抢答题", mix=[{"count": 2}], points=20,
                             wrong_penalty=10, buzz_seconds=30, **common),
        Round.objects.create(contest=contest, order=3, kind="risk", title="风险题", mix=[{"count": 1}],
                             risk_values=[10, 20, 30], **common),
    ]
    if judged:
        judge = User.objects.create_user("judge", password="pw-judge-123456")
        judge.groups.add(Group.objects.get_or_create(name=JUDGES)[0])
        contest.judges.add(judge)
        rounds.insert(0, Round.objects.create(contest=contest, order=0, kind="judged", title="情景演练",
                                              criteria=[{"name": "内容", "max": 50}], reading_seconds=0))
    for rnd in rounds:
        draw_round_questions(rnd, seed=1)
    return contest


@pytest.fixture
def contest(transactional_db):
    return make_contest()


@pytest.fixture
def contest_factory():
    """make_contest, for tests that choose their own database fixture or settings."""
    return make_contest
