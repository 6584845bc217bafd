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
    return asgi_server + OnlineContestPage.objects.get(slug=contest_demo.SLUG).url


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


def test_staff_dashboard_draws_its_charts_under_the_csp(contest_url, browser, output_dir):
    from django.contrib.auth.models import Group
    from django.test import Client

    from core.accounts.models import User
    from core.accounts.roles import EDITORS
    from onlinecontest.models import OnlineContestPage
    from tests.onlinecontest.helpers import join, play, signed_in_client

    contest = OnlineContestPage.objects.get(slug="safety-month-contest")
    player = signed_in_client("13800138000")
    join(player, contest)
    play(player, contest, right=3)
    editor = User.objects.create_user("bianji", password="x")
    editor.groups.add(Group.objects.get_or_create(name=EDITORS)[0])
    staff = Client()
    staff.force_login(editor)
    base = contest_url.split(contest.url)[0]
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    context.add_cookies([{"name": "sessionid", "value": staff.cookies["sessionid"].value, "url": base}])
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{base}/admin/onlinecontest/{contest.pk}/")
    page.wait_for_selector("#chart-days svg")
    for chart in ("days", "towns", "scores", "missed"):
        assert page.locator(f"#chart-{chart} svg").count() == 1
    page.screenshot(path=output_dir / "dashboard-1366.png", full_page=True)
    assert not [error for error in errors if "Content Security Policy" in error or "Refused" in error], errors
    context.close()
