import pytest

from onlinequiz.models import Attempt, OnlineQuizPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_page_hands_the_paper_in_when_time_is_up(quiz_url, phone, output_dir):
    OnlineQuizPage.objects.update(time_limit=2)
    phone.goto(quiz_url)
    phone.get_by_role("button", name="开始答题").click()
    phone.wait_for_selector(".quiz-question")
    phone.locator(".quiz-option").first.click()
    phone.wait_for_selector(".quiz-score", timeout=15_000)
    phone.screenshot(path=output_dir / "timed-out-result.png", full_page=True)
    attempt = Attempt.objects.get()
    assert attempt.status == Attempt.Status.SCORED
    assert 2000 <= attempt.duration_ms < 2000 + 5000
