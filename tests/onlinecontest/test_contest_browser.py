import pytest

from core.accounts.sms import memory
from onlinecontest.records import ContestAttempt, Participant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def contest_url(sms_outbox, asgi_server):
    """The demo contest (demo registry and bank) served by daphne; codes go to the test sender."""
    from core.organisations import demo as registry_demo
    from onlinecontest import demo as contest_demo
    from onlinecontest.models import OnlineContestPage
    from quizzes import demo as bank_demo
    from tests.quizzes.factories import ensure_taxonomy

    ensure_taxonomy()
    registry_demo.load()
    bank_demo.load()
    contest_demo.load()
    return asgi_server + OnlineContestPage.objects.get().url


@pytest.fixture
def phone_390(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", device_scale_factor=2)
    page = context.new_page()
    yield page
    context.close()


def test_sign_in_by_phone_pick_unit_and_play_on_a_phone(contest_url, phone_390, output_dir):
    page = phone_390
    page.goto(contest_url)
    page.screenshot(path=output_dir / "1-contest.png", full_page=True)
    page.get_by_role("link", name="手机号登录").click()
    page.get_by_label("手机号码").fill("138 0013 8000")
    page.screenshot(path=output_dir / "2-phone.png")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_selector("input[name=code]")
    code = None
    for _attempt in range(50):  # the server process writes the code to the shared cache
        code = memory.last_code("+8613800138000")
        if code:
            break
        page.wait_for_timeout(100)
    assert code
    page.fill("input[name=code]", code)
    page.screenshot(path=output_dir / "3-code.png")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_selector(".contest-join")

    page.get_by_label("您的姓名").fill("李安全")
    page.get_by_role("searchbox", name="镇街").fill("ta")
    page.get_by_role("button", name="塘下镇", exact=True).click()
    page.get_by_role("button", name="塘下镇中心小学").click()
    assert "塘下镇中心小学" in page.locator(".unit-picker__chosen").inner_text()
    page.screenshot(path=output_dir / "4-join.png", full_page=True)
    page.get_by_role("button", name="加入竞赛").click()
    page.wait_for_selector(".contest-me")
    assert Participant.objects.get().unit.name == "塘下镇中心小学"

    page.get_by_role("button", name="开始答题").click()
    page.wait_for_selector(".contest-question")
    questions = page.locator(".contest-question")
    assert questions.count() == 5
    assert page.locator(".contest-timer__value").inner_text().startswith(("2:", "1:"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for index in range(5):
        questions.nth(index).locator(".contest-option").first.click()
    page.screenshot(path=output_dir / "5-paper.png", full_page=True)
    page.get_by_role("button", name="交卷").click()
    page.wait_for_selector(".contest-score")
    page.screenshot(path=output_dir / "6-result.png", full_page=True)
    attempt = ContestAttempt.objects.get()
    assert attempt.status == ContestAttempt.Status.SCORED
    page.goto(contest_url + "rankings/")
    assert "塘下镇" in page.locator(".contest-rankings").inner_text()
    page.screenshot(path=output_dir / "7-rankings.png", full_page=True)
