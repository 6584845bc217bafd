import pytest

from onlinequiz.models import Attempt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_taking_the_online_quiz_on_a_phone(quiz_url, phone, output_dir):
    phone.goto(quiz_url)
    assert phone.get_by_role("heading", name="答题须知").is_visible()
    phone.screenshot(path=output_dir / "1-start.png", full_page=True)

    phone.get_by_label("姓名（选填，将显示在排行榜上）").fill("李安全")
    phone.get_by_label("单位（选填）").fill("玉海街道")
    phone.get_by_role("button", name="开始答题").click()
    phone.wait_for_selector(".quiz-question")
    questions = phone.locator(".quiz-question")
    assert questions.count() == 10
    assert phone.locator(".quiz-timer__value").inner_text().startswith(("4:", "5:"))
    phone.screenshot(path=output_dir / "2-paper.png")
    # nothing on the page may reach past the phone's width
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    for index in range(questions.count()):
        questions.nth(index).locator(".quiz-option").first.click()
    phone.screenshot(path=output_dir / "3-answered.png", full_page=True)
    phone.get_by_role("button", name="交卷").click()
    phone.wait_for_selector(".quiz-score")
    assert "第 1 名（共 1 人）" in phone.locator(".quiz-rank").inner_text()
    assert phone.locator(".quiz-review__explanation").count() == 10
    phone.screenshot(path=output_dir / "4-result.png", full_page=True)

    phone.get_by_role("link", name="返回答题首页").click()
    assert "李安全" in phone.locator(".quiz-leaderboard").inner_text()
    attempt = Attempt.objects.get()
    assert attempt.status == Attempt.Status.SCORED and attempt.name == "李安全"

