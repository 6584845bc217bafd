import pytest

from core.accounts.sms import memory


@pytest.fixture
def sms_outbox(settings):
    settings.SMS_SENDER = "core.accounts.sms.memory.MemorySender"
    memory.outbox.clear()
    yield memory.outbox
    memory.outbox.clear()


@pytest.fixture
def contest(db):
    """A published contest of 5 single-choice questions (answer A, 10 points each) from 6, in phone
    mode, with the demo registry and one prize."""
    from wagtail.models import Page

    from core.organisations import demo as registry_demo
    from onlinecontest.models import OnlineContestPage, Prize
    from tests.quizzes.factories import ensure_taxonomy, make_bank, make_question

    ensure_taxonomy()
    registry_demo.load()
    bank = make_bank("竞赛题库")
    for number in range(6):
        make_question(bank, f"竞赛题{number}号？", options=("对的选项", "错的选项一", "错的选项二", "错的选项三"),
                      correct="A", explanation=f"解析{number}号")
    page = OnlineContestPage(
        title="知识竞赛", slug="contest", bank=bank, question_count=5, time_limit=150, attempts_per_day=2,
        attempts_total=3, practice_per_day=2, draw_min_correct=4, draws_per_day=1, no_prize_weight=0,
        prizes=[Prize(name="应急包", quantity=1, weight=10)],
    )
    Page.objects.get(depth=2).add_child(instance=page)
    page.save_revision().publish()
    return page
