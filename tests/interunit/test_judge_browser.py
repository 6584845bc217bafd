"""A judged performance in chromium: the judge scores from a phone, the big screen reveals."""
import pytest
from django.test import Client
from playwright.sync_api import expect

from core.accounts.models import User
from contests.interunit.runner import run
from contests.rules.phases import Role

pytestmark = pytest.mark.browser


def test_a_judge_scores_a_performance_and_the_screen_reveals_it(fork_safe, asgi_server, browser, contest_factory,
                                                                 output_dir):
    contest = contest_factory(judged=True)
    session = Client()
    session.force_login(User.objects.get(username="judge"))
    run(contest.pk, Role.HOST, None, "host", "start", {})
    run(contest.pk, Role.HOST, None, "host", "open", {})
    contexts = [browser.new_context(viewport=size, locale="zh-CN") for size in
                ({"width": 360, "height": 740}, {"width": 1920, "height": 1080})]
    contexts[0].add_cookies([{"name": "sessionid", "value": session.cookies["sessionid"].value, "url": asgi_server}])
    judge, screen = (context.new_page() for context in contexts)
    judge.goto(f"{asgi_server}/live/contest/{contest.pk}/judge/")
    screen.goto(f"{asgi_server}/live/contest/{contest.pk}/screen/")
    expect(screen.locator("[data-sheets]")).to_have_text("1位评委中已有0位打分")
    judge.get_by_label("内容 (0–50)").fill("47")
    judge.screenshot(path=output_dir / "judge-sheet.png", full_page=True)
    judge.get_by_role("button", name="提交分数").click()
    expect(screen.locator(".judge-total")).to_have_text("评委得分: 47")
    expect(screen.locator(".sheet-reveal")).to_have_text("judge: 47")
    expect(screen.locator(".team-card.active .score")).to_have_text("147")
    screen.screenshot(path=output_dir / "screen-judged.png")
    for context in contexts:
        context.close()
