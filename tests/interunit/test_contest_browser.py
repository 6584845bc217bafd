"""A short contest in chromium: the host, the big screen and three team pads as separate browser
contexts, over the real ASGI server. Screenshots of each land in test-output/."""
import pytest
from django.test import Client
from playwright.sync_api import expect

from core.accounts.models import User

pytestmark = pytest.mark.browser
EXPLANATION = "解析：这是只有主持人在揭晓前能看到的说明。"


@pytest.fixture
def stage(fork_safe, asgi_server, browser, contest_factory):
    contest = contest_factory(answer_seconds=60)
    session = Client()
    session.force_login(User.objects.get(username="host"))
    contexts = []

    def open_page(path, viewport, cookie=False):
        context = browser.new_context(viewport=viewport, locale="zh-CN")
        contexts.append(context)
        if cookie:
            context.add_cookies([{"name": "sessionid", "value": session.cookies["sessionid"].value,
                                  "url": asgi_server}])
        page = context.new_page()
        page.goto(asgi_server + path)
        return page

    host = open_page(f"/live/contest/{contest.pk}/host/", {"width": 1024, "height": 1366}, cookie=True)
    screen = open_page(f"/live/contest/{contest.pk}/screen/", {"width": 1920, "height": 1080})
    pads = [open_page(f"/live/team/{team.access_code}/", {"width": 360, "height": 740}) for team in contest.teams.all()]
    yield contest, host, screen, pads
    for context in contexts:
        context.close()


def shoot(output_dir, step, host, screen, pads):
    host.screenshot(path=output_dir / f"{step}-host.png", full_page=True)
    screen.screenshot(path=output_dir / f"{step}-screen.png")
    for number, pad in enumerate(pads, start=1):
        pad.screenshot(path=output_dir / f"{step}-team{number}.png", full_page=True)


def test_a_short_contest_with_host_screen_and_three_pads(stage, output_dir):
    contest, host, screen, pads = stage
    for page in (host, screen, *pads):
        expect(page.locator("[data-phase]")).to_contain_text("等待开始")
    # Every page measured its offset to the server clock: countdowns agree within 100 ms.
    # Polled from here: wait_for_function evaluates a string, which the site's CSP forbids.
    # A page whose first samples all came at a busy moment samples again until one is short.
    for page in (host, screen, *pads):
        for _ in range(150):
            if page.evaluate("ContestView.client.bestRtt < 100"):
                break
            page.wait_for_timeout(100)
        assert page.evaluate("ContestView.client.bestRtt < 100"), page.url
    offsets = [page.evaluate("ContestView.client.offset") for page in (host, screen, *pads)]
    assert max(offsets) - min(offsets) < 100
    host.get_by_role("button", name="开始比赛").click()
    expect(screen.locator(".stem")).to_contain_text("发现火情")
    expect(pads[0].locator("[data-highlight]")).to_have_text("轮到本队")
    expect(host.locator(".explanation")).to_have_text(EXPLANATION)  # only the host sees it now
    assert screen.locator(".explanation").count() == 0
    shoot(output_dir, "1-reading", host, screen, pads)

    host.get_by_role("button", name="开放作答").click()
    pads[0].get_by_role("button", name="B 119").click()
    expect(host.locator("[data-outcome]")).to_contain_text("回答正确")
    expect(screen.locator("[data-outcome]")).to_have_text("已收到答案，等待揭晓")
    shoot(output_dir, "2-answered", host, screen, pads)

    host.get_by_role("button", name="揭晓答案").click()
    expect(screen.locator(".explanation")).to_have_text(EXPLANATION)
    expect(screen.locator(".team-card.active .score")).to_have_text("110")
    expect(pads[0].locator("[data-my-score]")).to_have_text("110")
    shoot(output_dir, "3-revealed", host, screen, pads)

    # Team 2 answers wrong; its pad reloads mid-question and carries on.
    host.get_by_role("button", name="下一题").click()
    host.get_by_role("button", name="开放作答").click()
    expect(pads[1].locator("[data-highlight]")).to_have_text("轮到本队")
    pads[1].reload()
    pads[1].get_by_role("button", name="A 110").click()
    expect(host.locator("[data-outcome]")).to_contain_text("回答错误")
    host.get_by_role("button", name="揭晓答案").click()
    host.get_by_role("button", name="下一题").click()
    host.get_by_role("button", name="跳过：直接揭晓答案").click()  # team 3's question is skipped
    host.get_by_role("button", name="进入下一轮").click()

    expect(screen.locator("[data-round]")).to_contain_text("抢答题")
    host.get_by_role("button", name="开放抢答").click()
    expect(pads[2].locator(".buzz.armed")).to_be_visible()
    shoot(output_dir, "4-buzzer-open", host, screen, pads)
    pads[2].get_by_role("button", name="抢答").click()
    expect(screen.locator("[data-highlight]")).to_have_text("化工三队 抢答成功")
    expect(pads[0].locator(".buzz")).to_be_hidden()
    pads[2].get_by_role("button", name="B 119").click()
    host.get_by_role("button", name="揭晓答案").click()
    expect(screen.locator(".team-card.active .score")).to_have_text("120")
    shoot(output_dir, "5-buzzer-revealed", host, screen, pads)

    host.once("dialog", lambda dialog: dialog.accept())
    host.get_by_role("button", name="结束比赛").click()
    expect(screen.locator(".podium-step").first).to_contain_text("化工三队")
    expect(host.locator("[data-audit] li")).to_have_count(3)
    shoot(output_dir, "6-finished", host, screen, pads)
    contest.refresh_from_db()
    assert contest.scores() == {team.pk: score for team, score in zip(contest.teams.all(), (110, 95, 120))}


def card_names(screen):
    return screen.locator(".team-card .name").all_text_contents()


def adjust(host, team, delta):
    form = host.locator("[data-adjust]")
    form.locator("select[name=team]").select_option(label=team)
    form.locator("input[name=delta]").fill(str(delta))
    form.locator("input[name=reason]").fill("加分测试")
    form.get_by_role("button", name="确定").click()


def moving_card(screen, name):
    """The card's transform while it glides to its new place (polled: the CSP forbids wait_for_function)."""
    for _ in range(40):
        transform = screen.evaluate(
            "name => { const card = [...document.querySelectorAll('.team-card')]"
            ".find(c => c.querySelector('.name').textContent === name);"
            " return card ? getComputedStyle(card).transform : 'none'; }", name)
        if transform != "none":
            return transform
        screen.wait_for_timeout(25)
    return "none"


def test_the_screen_hands_an_unbuzzed_question_to_the_audience_and_animates_the_ranking(stage, browser, asgi_server,
                                                                                        output_dir):
    from contests.interunit.models import Round

    contest, host, screen, pads = stage
    Round.objects.filter(contest=contest).exclude(kind="buzzer").delete()
    Round.objects.filter(contest=contest).update(buzz_seconds=1, hand_to_audience=True)
    calm = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN", reduced_motion="reduce")
    calm_screen = calm.new_page()
    calm_screen.goto(f"{asgi_server}/live/contest/{contest.pk}/screen/")
    for page in (host, screen, calm_screen):
        expect(page.locator("[data-phase]")).to_contain_text("等待开始")
    host.get_by_role("button", name="开始比赛").click()
    host.get_by_role("button", name="开放抢答").click()
    # Nobody buzzes: the question closes by itself and goes to the hall.
    expect(screen.locator("[data-highlight]")).to_have_text("无人抢答，请现场观众抢答！", timeout=5000)
    expect(host.get_by_role("button", name="观众作答后揭晓答案")).to_be_visible()
    screen.screenshot(path=output_dir / "audience-screen.png")
    host.get_by_role("button", name="观众作答后揭晓答案").click()
    expect(screen.locator(".explanation")).to_have_text(EXPLANATION)
    assert card_names(screen) == ["消防一队", "交通二队", "化工三队"]
    screen.screenshot(path=output_dir / "ranking-before.png")

    adjust(host, "化工三队", 20)
    assert moving_card(screen, "化工三队") != "none"  # it glides up from the bottom
    expect(screen.locator(".team-card .delta-up")).to_have_text("+20")
    screen.screenshot(path=output_dir / "ranking-moving.png")
    expect(calm_screen.locator(".team-card .name").first).to_have_text("化工三队")
    assert moving_card(calm_screen, "化工三队") == "none"  # reduced motion: straight to its place
    expect(calm_screen.locator(".team-card .delta-up")).to_have_text("+20")
    screen.wait_for_timeout(1000)
    assert card_names(screen) == ["化工三队", "消防一队", "交通二队"]
    screen.screenshot(path=output_dir / "ranking-after.png")
    expect(screen.locator(".team-card .delta")).to_have_count(0, timeout=4000)  # the delta fades away

    adjust(host, "交通二队", -10)
    expect(screen.locator(".team-card .delta-down")).to_have_text("-10")
    host.once("dialog", lambda dialog: dialog.accept())
    host.get_by_role("button", name="结束比赛").click()
    expect(screen.locator(".podium-step")).to_have_count(3)
    expect(screen.locator(".podium-step.rank-1")).to_contain_text("第1名化工三队120")
    screen.wait_for_timeout(2600)  # the podium has risen
    screen.screenshot(path=output_dir / "podium.png")
    calm.close()
