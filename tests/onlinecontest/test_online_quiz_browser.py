"""The demo's 网上答题: the retired cookie quiz's place, now a contest in anonymous mode with a mix
of question types, played on a phone without signing in; the page hands the set in at zero."""
import pytest

from onlinecontest.records import ContestAttempt, Participant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def quiz_url(asgi_server):
    from core.organisations import demo as registry_demo
    from onlinecontest import demo as contest_demo
    from onlinecontest.models import OnlineContestPage
    from quizzes import demo as bank_demo
    from tests.quizzes.factories import ensure_taxonomy

    ensure_taxonomy()
    registry_demo.load()
    bank_demo.load()
    contest_demo.load()
    return asgi_server + OnlineContestPage.objects.get(slug=contest_demo.QUIZ_SLUG).url


def test_the_anonymous_quiz_is_played_without_signing_in_and_handed_in_at_zero(quiz_url, phone, output_dir):
    from onlinecontest.models import OnlineContestPage

    phone.goto(quiz_url)
    assert phone.get_by_role("link", name="手机号登录").count() == 0
    assert "抽奖" not in phone.locator(".contest-rules").inner_text()  # the demo quiz has no draws
    phone.get_by_label("您的姓名").fill("李安全")
    phone.get_by_role("searchbox", name="镇街").fill("ta")
    phone.get_by_role("button", name="塘下镇", exact=True).click()
    phone.get_by_role("button", name="塘下镇中心小学").click()
    phone.screenshot(path=output_dir / "1-join.png", full_page=True)
    phone.get_by_role("button", name="加入竞赛").click()
    phone.wait_for_selector(".contest-me")
    assert Participant.objects.get().visitor is not None

    OnlineContestPage.objects.filter(slug="online-quiz").update(time_limit=3)
    phone.get_by_role("button", name="开始答题").click()
    phone.wait_for_selector(".contest-question")
    assert phone.locator(".contest-question").count() == 10  # 5 single, 3 multiple, 2 true/false
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.locator(".contest-option").first.click()
    phone.screenshot(path=output_dir / "2-paper.png")
    phone.wait_for_selector(".contest-score", timeout=15_000)
    phone.screenshot(path=output_dir / "3-result.png", full_page=True)
    attempt = ContestAttempt.objects.get()
    assert attempt.status == ContestAttempt.Status.SCORED
    assert 3000 <= attempt.duration_ms < 3000 + 5000
    assert "排第 1 名（共 1 人）" in phone.locator(".contest-score__place").inner_text()
