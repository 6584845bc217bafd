"""The hall plays along in chromium: the contest's host switches the audience game on, the big
screen shows its QR code and PIN, a phone joins and answers after the team. Screenshots land in
test-output/."""
import pytest
from django.test import Client
from playwright.sync_api import expect

from contests.hall.models import Hall
from contests.games.models import PublicGame
from core.accounts.models import User
from tests.interunit.conftest import make_contest

pytestmark = pytest.mark.browser


def test_the_big_screen_shows_the_qr_code_and_a_phone_answers_after_the_team(fork_safe, asgi_server, browser,
                                                                                output_dir):
    contest = make_contest(answer_seconds=60)
    session = Client()
    session.force_login(User.objects.get(username="host"))
    contexts, errors = [], []

    def open_page(path, viewport, cookie=False):
        context = browser.new_context(viewport=viewport, locale="zh-CN")
        contexts.append(context)
        if cookie:
            context.add_cookies([{"name": "sessionid", "value": session.cookies["sessionid"].value, "url": asgi_server}])
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{path}: {error}"))
        if path:
            page.goto(asgi_server + path)
        return page

    host = open_page(f"/live/contest/{contest.pk}/host/", {"width": 1024, "height": 768}, cookie=True)
    screen = open_page(f"/live/contest/{contest.pk}/screen/", {"width": 1920, "height": 1080})
    pad = open_page(f"/live/team/{contest.teams.first().access_code}/", {"width": 390, "height": 844})
    try:
        panel = host.locator("#hall")
        expect(panel.locator("[data-hall-status]")).to_contain_text("尚未开启观众同答")
        expect(screen.locator("#hall")).to_be_hidden()
        panel.get_by_role("button", name="开启观众同答").click()
        expect(panel.locator("[data-hall-join]")).to_be_visible()
        pin = Hall.objects.get(contest=contest).game.pin
        expect(panel.locator("[data-hall-pin]")).to_have_text(pin)
        PublicGame.objects.filter(pin=pin).update(reading_seconds=0)
        card = screen.locator("#hall")
        expect(card.locator("[data-hall-pin]")).to_have_text(pin)
        expect(card.locator("[data-hall-qr]")).to_have_attribute("src", f"/live/games/{pin}/qr.svg")
        # The QR code loads (the src is set before the image arrives, so wait for it, bounded). A function,
        # not an expression: Playwright evals an expression in the page, which the site's CSP refuses.
        screen.wait_for_function("() => document.querySelector('[data-hall-qr]').naturalWidth > 0", timeout=10000)
        # The hall's card does not cover the contest: the scoreboard stays left of it.
        board = screen.locator(".screen-board").bounding_box()
        assert board["x"] + board["width"] <= card.bounding_box()["x"]

        phone = open_page(None, {"width": 390, "height": 844})
        phone.goto(f"{asgi_server}/live/games/{pin}/")
        phone.fill("#nickname", "观众小王")
        phone.click("text=加入游戏 >> nth=-1")
        expect(phone.locator("[data-view=lobby]")).to_be_visible()
        host.locator("[data-primary]").click()  # start
        expect(panel.locator("[data-hall-status]")).to_contain_text("现场观众 1 人")
        expect(card.locator("[data-hall-status]")).to_contain_text("现场观众 1 人")
        screen.screenshot(path=output_dir / "hall-1-screen-qr.png")
        host.screenshot(path=output_dir / "hall-1-host.png", full_page=True)

        # The hall may not answer before the team.
        expect(panel.get_by_role("button", name="观众作答")).to_have_count(0)
        host.get_by_role("button", name="开放作答").click()
        pad.get_by_role("button", name="B 119").click()
        expect(screen.locator("[data-outcome]")).to_have_text("已收到答案，等待揭晓")
        panel.get_by_role("button", name="观众作答").click()
        answer = phone.locator(".game-answer[data-label='B']")
        expect(answer).to_be_enabled(timeout=10_000)
        expect(card.locator("[data-hall-status]")).to_contain_text("观众作答中")
        answer.click()
        expect(phone.locator("[data-receipt]")).to_be_visible()
        screen.screenshot(path=output_dir / "hall-2-screen-answering.png")
        phone.screenshot(path=output_dir / "hall-2-phone-answering.png")

        # The contest's answer waits for the hall.
        host.locator("[data-primary]").click()
        expect(host.locator("[data-live-error]")).to_contain_text("观众还在作答")
        panel.get_by_role("button", name="结束观众作答").click()
        expect(phone.locator("[data-result] .good")).to_contain_text("答对了")
        host.get_by_role("button", name="揭晓答案").click()
        expect(screen.locator(".team-card.active .score")).to_have_text("110")  # the team's score alone
        host.get_by_role("button", name="显示积分榜").click()
        expect(screen.locator("#contest")).to_have_attribute("data-current-phase", "scoreboard")
        expect(card.locator(".hall-board")).to_be_visible()
        expect(card.locator("[data-hall-top] li").first).to_contain_text("观众小王")
        screen.screenshot(path=output_dir / "hall-3-screen-scoreboard.png")
        phone.screenshot(path=output_dir / "hall-3-phone-result.png")
        host.screenshot(path=output_dir / "hall-3-host.png")
        assert errors == []  # no script failed on any page
    finally:
        for context in contexts:
            context.close()
