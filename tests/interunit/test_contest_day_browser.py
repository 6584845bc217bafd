"""A whole contest day in chromium, as the people in the hall see it: the host on a 1024x768 tablet,
the big screen at 1920x1080, three team pads and a judge on 390x844 phones. Each phase is
checked on what the pages show (the host's allowed actions, the pads' messages, the screen's
cards) and photographed into test-output/; a few of the photos illustrate docs/host-guide.md
(copied there only when HOST_GUIDE_SCREENSHOTS=1, so a test run leaves the checkout unchanged)."""
import os
import shutil
from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import expect

from core.accounts.models import User

pytestmark = pytest.mark.browser
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "host-guide"
TABLET, PROJECTOR, PHONE = {"width": 1024, "height": 768}, {"width": 1920, "height": 1080}, {"width": 390, "height": 844}
PRIMARY = "[data-primary]"


@pytest.fixture
def day(fork_safe, asgi_server, browser, contest_factory):
    from contests.interunit.models import Round, RoundQuestion

    contest = contest_factory(answer_seconds=60, judged=True)
    judged = Round.objects.get(contest=contest, kind="judged")
    RoundQuestion.objects.filter(round=judged).exclude(pk=judged.slots.first().pk).delete()  # one performance
    contest.organiser = "市应急管理局"
    contest.save()
    contexts = []

    def open_page(path, viewport, user=None):
        context = browser.new_context(viewport=viewport, locale="zh-CN")
        contexts.append(context)
        if user:
            session = Client()
            session.force_login(User.objects.get(username=user))
            context.add_cookies([{"name": "sessionid", "value": session.cookies["sessionid"].value, "url": asgi_server}])
        page = context.new_page()
        page.goto(asgi_server + path)
        return page

    pages = {
        "host": open_page(f"/live/contest/{contest.pk}/host/", TABLET, "host"),
        "screen": open_page(f"/live/contest/{contest.pk}/screen/", PROJECTOR),
        "judge": open_page(f"/live/contest/{contest.pk}/judge/", PHONE, "judge"),
        "pads": [open_page(f"/live/team/{team.access_code}/", PHONE) for team in contest.teams.all()],
    }
    pages["join"] = open_page("/live/team/", PHONE)
    yield contest, pages
    for context in contexts:
        context.close()


def shoot(output_dir, step, pages, guide=()):
    """Every page at its own size; the pages named in `guide` are copied for the host guide too."""
    names = {"screen": pages["screen"], "host": pages["host"], "judge": pages["judge"]}  # the screen's flash first
    names.update({f"team{number}": pad for number, pad in enumerate(pages["pads"], start=1)})
    for name, page in names.items():
        path = output_dir / f"{step}-{name}.png"
        page.screenshot(path=path)
        if name in guide and os.environ.get("HOST_GUIDE_SCREENSHOTS") == "1":
            GUIDE.mkdir(exist_ok=True)
            shutil.copyfile(path, GUIDE / path.name)


def host_actions(host):
    """(the big button's text or None, the other actions, the destructive ones) as shown."""
    primary = host.locator(PRIMARY)
    big = primary.text_content() if primary.is_visible() else None
    return (big, host.locator("[data-actions] button").all_text_contents(),
            host.locator("[data-danger] button").all_text_contents())


def expect_actions(host, primary, others, danger=("结束比赛",)):
    if primary:
        expect(host.locator(PRIMARY)).to_have_text(primary)
        expect(host.locator(PRIMARY)).to_be_enabled()
        assert host.locator(PRIMARY).evaluate("b => b.getBoundingClientRect().bottom") <= TABLET["height"]
    else:
        expect(host.locator(PRIMARY)).to_be_hidden()
    expect(host.locator("[data-actions] button")).to_have_text(list(others))
    expect(host.locator("[data-danger] button")).to_have_text(list(danger))


def press(host, label):
    """Press the big button once it offers `label` (the frame of the step before has arrived)."""
    expect(host.locator(PRIMARY)).to_have_text(label)
    expect(host.locator(PRIMARY)).to_be_enabled()
    host.locator(PRIMARY).click()


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_contest_day_host_screen_pads_and_judge(day, output_dir):
    contest, pages = day
    host, screen, judge, pads = pages["host"], pages["screen"], pages["judge"], pages["pads"]
    for page in (host, screen, judge, *pads):
        expect(page.locator("[data-phase]")).to_contain_text("等待开始")
        expect(page.locator("[data-connection]")).to_have_text("已连接")
        assert page.locator(".site-header, .site-footer, nav, .wagtail-userbar, wagtail-userbar").count() == 0
    for page in (judge, *pads, pages["join"]):
        assert no_sideways_scroll(page)
    pages["join"].screenshot(path=output_dir / "00-team-join.png")

    # Lobby: one thing to do.
    expect_actions(host, "开始比赛", [])
    expect(host.locator("[data-next-hint]")).to_contain_text("开始比赛")
    expect(judge.locator("[data-judge-status]")).to_have_text(
        "比赛尚未开始。 下一个评分环节：第 1 轮“情景演练”。开始时评分表会出现在这里。")
    expect(pads[0].locator("[data-my-score]")).to_have_text("100")
    expect(screen.locator(".organiser")).to_have_text("市应急管理局")
    shoot(output_dir, "01-lobby", pages, guide=("host",))

    # The space bar (or a presenter remote) presses the big button; a round opens with its title card.
    host.keyboard.press("Space")
    expect(screen.locator("[data-title-card]")).to_be_visible()
    expect(screen.locator("[data-card-name]")).to_have_text("情景演练")
    expect(screen.locator("[data-card-rules]")).to_have_text("各队上台展示，评委打分（内容 50）。")
    expect_actions(host, "开始评分", ["跳过：直接揭晓答案", "暂停"])
    shoot(output_dir, "02-title-card", pages, guide=("screen",))

    press(host, "开始评分")
    expect_actions(host, "结束评分", ["暂停"])
    expect(host.locator("[data-next-hint]")).to_have_text("评委打分中：已收到 0／1 份。全部提交后自动揭晓。")
    expect(judge.locator("[data-sheet]")).to_be_visible()
    shoot(output_dir, "03-judging", pages, guide=("judge",))
    judge.get_by_label("内容 (0–50)").fill("42")
    judge.get_by_role("button", name="提交分数").click()
    expect(screen.locator(".judge-total")).to_have_text("评委得分: 42")
    # The last performance of the round: the scores first.
    expect_actions(host, "显示积分榜", ["进入下一轮", "暂停"])
    expect(judge.locator("[data-judge-status]")).to_contain_text("本场比赛没有需要再评分的节目了。")
    host.keyboard.press("ArrowRight")
    expect(screen.locator(".board-heading")).to_be_visible()
    expect(screen.locator(".screen-question")).to_be_hidden()
    expect_actions(host, "进入下一轮", ["暂停"])
    shoot(output_dir, "04-scoreboard", pages, guide=("screen",))

    # Compulsory round: team 1 answers on its pad.
    press(host, "进入下一轮")
    expect(screen.locator("[data-card-name]")).to_have_text("必答题")
    expect(screen.locator("[data-card-rules]")).to_have_text("各队依次回答本队题目：答对 +10，答错 −5，限时 60 秒。")
    expect(host.locator("[data-next-hint]")).to_have_text("读题时间已到：按“开放作答”，各队随后有 60 秒。")
    expect(host.locator(".console-question li.correct")).to_contain_text("119")  # the host sees the answer
    expect_actions(host, "开放作答", ["跳过：直接揭晓答案", "暂停"])
    shoot(output_dir, "05-reading", pages, guide=("host",))
    press(host, "开放作答")
    expect_actions(host, None, ["判为正确", "判为错误", "时间到（结束作答）", "暂停"])
    expect(pads[0].locator("[data-highlight]")).to_have_text("轮到本队")
    shoot(output_dir, "06-answering", pages, guide=("host", "team1"))
    pads[0].get_by_role("button", name="B 119").click()
    expect(pads[0].locator("[data-news]")).to_have_text("已收到本队答案，等待揭晓。")
    expect(screen.locator("[data-outcome]")).to_have_text("已收到答案，等待揭晓")
    expect_actions(host, "揭晓答案", ["暂停"], danger=("撤销本题判定", "结束比赛"))
    press(host, "揭晓答案")
    expect(pads[0].locator("[data-news]")).to_have_text("回答正确！+10 分")
    expect(pads[0].locator("[data-my-score]")).to_have_text("152")  # 100 + 42 from the judges + 10
    expect(screen.locator("[data-outcome]")).to_have_text("消防一队 · B · 回答正确 (+10)")
    expect_actions(host, "下一题", ["显示积分榜", "暂停"])
    shoot(output_dir, "07-revealed", pages, guide=("screen", "team1"))

    # Team 2 does not answer: the host calls time early; pads and screen say time is up.
    press(host, "下一题")
    press(host, "开放作答")
    host.get_by_role("button", name="时间到（结束作答）").click()
    expect(pads[1].locator("[data-news]")).to_have_text("时间到：本队未在限时内作答。")
    expect(screen.locator("[data-highlight]")).to_have_text("答题时间已到")
    expect(screen.locator("[data-outcome]")).to_have_text("交通二队 · 答题时间已到")
    shoot(output_dir, "08-time-up", pages)
    press(host, "揭晓答案")
    press(host, "下一题")
    host.get_by_role("button", name="跳过：直接揭晓答案").click()  # team 3's question is skipped
    expect(host.locator(PRIMARY)).to_have_text("显示积分榜")
    host.keyboard.press("Space")
    expect(host.locator(PRIMARY)).to_have_text("进入下一轮")
    host.keyboard.press("Space")
    expect(screen.locator("[data-card-name]")).to_have_text("抢答题")

    # Buzzer round: team 1 buzzes before the buzzer opens and is penalised.
    pads[0].get_by_role("button", name="抢答").click()
    expect(pads[0].locator("[data-news]")).to_have_text("抢答过早：扣 5 分，本队本题不能再抢答。")
    expect(screen.locator(".team-card .tag")).to_have_text("本题禁答")
    shoot(output_dir, "09-early-buzz", pages, guide=("team1",))
    press(host, "开放抢答")
    expect_actions(host, "结束抢答", ["揭晓答案", "暂停"])
    expect(pads[2].locator(".buzz.armed")).to_be_visible()
    pads[2].get_by_role("button", name="抢答").click()
    expect(screen.locator("[data-flash]")).to_be_visible()
    expect(screen.locator("[data-flash-text]")).to_have_text("化工三队 抢答！")
    shoot(output_dir, "10-buzz-flash", pages, guide=("screen",))
    expect(pads[1].locator("[data-news]")).to_have_text("化工三队 抢先一步。")
    pads[2].get_by_role("button", name="B 119").click()
    press(host, "揭晓答案")
    expect(pads[2].locator("[data-news]")).to_have_text("回答正确！+20 分")

    # Pause and resume; then nobody buzzes and the host closes the buzzer.
    press(host, "下一题")
    host.get_by_role("button", name="暂停").click()
    expect_actions(host, "继续", [])
    expect(host.locator("[data-next-hint]")).to_have_text("已暂停：倒计时已冻结。按“继续”恢复。")
    press(host, "继续")
    press(host, "开放抢答")
    press(host, "结束抢答")  # close the buzzer early: nobody buzzed
    expect_actions(host, "显示积分榜", ["进入下一轮", "暂停"])
    press(host, "显示积分榜")
    press(host, "进入下一轮")

    # Risk round: the host waits for team 1's value before answering can open.
    expect(host.locator("[data-next-hint]")).to_have_text("等待消防一队在本队平板上选择风险分值。")
    expect(host.locator(PRIMARY)).to_be_disabled()
    shoot(output_dir, "11-risk-wait", pages, guide=("team1",))
    pads[0].get_by_role("button", name="20").click()
    expect(host.locator(PRIMARY)).to_be_enabled()
    expect(host.locator(PRIMARY)).to_have_text("开放作答")

    # Sound off from the console reaches the screen; then the host ends the contest.
    host.locator("[data-sound-switch]").uncheck()
    for _ in range(50):  # bounded: the switch's message reaches the server
        contest.refresh_from_db()
        if not contest.sound:
            break
        host.wait_for_timeout(50)
    assert contest.sound is False
    host.once("dialog", lambda dialog: dialog.accept())
    host.get_by_role("button", name="结束比赛").click()
    expect(screen.locator(".podium-step.rank-1")).to_contain_text("消防一队")
    expect(pads[0].locator("[data-news]")).to_have_text("最终排名：第 1 名，147 分")
    expect(pads[2].locator("[data-news]")).to_have_text("最终排名：第 2 名，120 分")
    expect(judge.locator("[data-judge-status]")).to_have_text("比赛已结束，感谢参与！")
    expect_actions(host, None, [], danger=())
    screen.wait_for_timeout(2600)  # the podium has risen
    shoot(output_dir, "12-finished", pages, guide=("screen", "team1"))
    for page in (judge, *pads):
        assert no_sideways_scroll(page)
    contest.refresh_from_db()
    assert list(contest.scores().values()) == [147, 100, 120]
