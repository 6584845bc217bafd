import pytest


@pytest.fixture
def quiz_url(asgi_server):
    """The demo online quiz (drawing from the demo bank) served by daphne."""
    from onlinequiz import demo as quiz_demo
    from onlinequiz.models import OnlineQuizPage
    from quizzes import demo as bank_demo

    bank_demo.load()
    quiz_demo.load()
    return asgi_server + OnlineQuizPage.objects.get().url


@pytest.fixture
def quiz_page(db):
    """A published quiz of 5 questions (3 single, 1 multiple worth 20, 1 true/false) from 6."""
    from wagtail.models import Page

    from onlinequiz.models import MixRow, OnlineQuizPage
    from quizzes.models import Question
    from tests.quizzes.factories import make_bank, make_question

    bank = make_bank()
    for number in range(4):
        make_question(bank, f"单选题{number}号？", options=("对的选项", "错的选项一", "错的选项二"), correct="A",
                      explanation=f"解析{number}号")
    make_question(bank, "多选题？", kind=Question.Kind.MULTIPLE, options=("甲", "乙", "丙", "丁"), correct="ABD",
                  explanation="多选解析", points=20)
    make_question(bank, "判断题？", kind=Question.Kind.TRUE_FALSE, correct="B", explanation="判断解析")
    page = OnlineQuizPage(
        title="网上答题", slug="quiz", bank=bank, time_limit=120, attempts_per_day=2,
        mix_rows=[MixRow(count=3, kind="single"), MixRow(count=1, kind="multiple"), MixRow(count=1, kind="truefalse")],
    )
    Page.objects.get(depth=2).add_child(instance=page)
    page.save_revision().publish()
    return page
