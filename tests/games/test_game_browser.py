"""A whole public game in chromium: the big screen, the host console and 12 phones (enough for a full top ten), three questions."""
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from playwright.sync_api import expect

from core.accounts.models import User
from core.accounts.roles import HOSTS
from contests.games.models import Prize, PublicGame

from .conftest import make_bank, ordered_correct

pytestmark = pytest.mark.browser
PHONES = 12


@pytest.fixture(autouse=True)
def patient_expect():
    expect.set_options(timeout=15_000)  # 14 browser pages share two busy cores
    yield
    expect.set_options(timeout=5_000)  # Playwright's default, for the modules after this one


def host_session_cookie(base_url, game=None):
    """The session of a Host, the owner of `game` if given."""
    user = User.objects.create_user("zhuchiren", password="x")
    user.groups.add(Group.objects.get_or_create(name=HOSTS)[0])
    if game is not None:
        game.owner = user
        game.save(update_fields=["owner"])
    client = Client()
    client.force_login(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}


def test_screen_host_and_twelve_phones_play_three_questions(browser, asgi_server, output_dir):
    game = PublicGame.objects.create(title="咨询日安全知识游戏", bank=make_bank(), reading_seconds=1, answer_seconds=30)
    game.fill_from_bank(3)
    correct = ordered_correct(game)

    screen_context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    screen = screen_context.new_page()
    screen.goto(f"{asgi_server}/live/games/{game.pin}/screen/")
    expect(screen.locator(".screen-pin")).to_contain_text(game.pin)

    host_context = browser.new_context(viewport={"width": 1024, "height": 1366}, locale="zh-CN")
    host_context.add_cookies([host_session_cookie(asgi_server, game)])
    host = host_context.new_page()
    host.goto(f"{asgi_server}/live/games/{game.pin}/host/")
    expect(host.locator("[data-phase]")).to_have_text("等待玩家加入")

    phones = []
    for number in range(PHONES):
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN", device_scale_factor=1)
        phone = context.new_page()
        phone.goto(f"{asgi_server}/live/games/{game.pin}/")
        if number == 0:  # a blank name first: refused, then put right
            phone.fill("#nickname", "   ")
            phone.click("text=加入游戏 >> nth=-1")
            expect(phone.locator("[data-live-error]")).to_have_text("请填写昵称。")
        phone.fill("#nickname", "<b>小明</b>" if number == 0 else f"玩家{number:02d}")
        phone.click("text=加入游戏 >> nth=-1")
        if number == 0:  # the refusal goes as the join is through, not 6 s later
            expect(phone.locator("[data-view=lobby]")).to_be_visible()
            assert phone.locator("[data-live-error]").is_hidden()
        phones.append(phone)
    for phone in phones:
        expect(phone.locator("[data-view=lobby]")).to_be_visible()
    expect(screen.locator("[data-players]")).to_have_text(f"{PHONES} 名玩家")
    expect(screen.locator("[data-names] li").first).to_have_text("<b>小明</b>")  # shown as text
    screen.screenshot(path=output_dir / "screen-0-lobby.png")
    phones[0].screenshot(path=output_dir / "phone-0-lobby.png")

    for index in range(3):
        host.click("button[data-command='host.next']")
        expect(screen.locator("[data-progress]")).to_have_text(f"第 {index + 1} 题 / 共 3 题")
        rights = 0
        for number, phone in enumerate(phones):
            # The first player is always right; the others are right on every other question.
            right = number == 0 or (number + index) % 2 == 0
            rights += right
            label = correct[index] if right else ("A" if correct[index] != "A" else "B")
            button = phone.locator(f".game-answer[data-label='{label}']")
            expect(button).to_be_enabled(timeout=10_000)
            button.click()
        for phone in phones:
            expect(phone.locator("[data-receipt]")).to_be_visible()
        expect(screen.locator("[data-answered]")).to_have_text(f"已作答 {PHONES} 人")
        screen.screenshot(path=output_dir / f"screen-{index + 1}-question.png")
        phones[0].screenshot(path=output_dir / f"phone-{index + 1}-question.png")

        host.click("button[data-command='host.reveal']")
        revealed = screen.locator("[data-view=revealed]")
        expect(revealed).to_be_visible()
        expect(revealed.locator(".screen-result.correct .screen-vote-count")).to_have_text(str(rights))
        expect(phones[0].locator("[data-result] .good")).to_contain_text("答对了")
        screen.screenshot(path=output_dir / f"screen-{index + 1}-reveal.png")
        phones[0].screenshot(path=output_dir / f"phone-{index + 1}-reveal.png")

        host.click("button[data-command='host.leaderboard']")
        expect(screen.locator("[data-view=leaderboard]")).to_be_visible()
        expect(screen.locator("[data-top] li")).to_have_count(10)
        expect(screen.locator("[data-top] li").first).to_contain_text("<b>小明</b>")
        expect(phones[0].locator("[data-rank]")).to_contain_text("第 1 名")
        screen.screenshot(path=output_dir / f"screen-{index + 1}-leaderboard.png")
        phones[0].screenshot(path=output_dir / f"phone-{index + 1}-leaderboard.png")

    host.click("button[data-command='host.finish']")
    host.click("[data-confirm-yes]")  # ending is confirmed
    expect(screen.locator("[data-podium] .step-1")).to_contain_text("<b>小明</b>")
    prize = phones[0].locator(".game-prize")
    expect(prize).to_contain_text("兑奖码")
    screen.screenshot(path=output_dir / "screen-4-podium.png")
    phones[0].screenshot(path=output_dir / "phone-4-prize.png")

    final_score = phones[0].locator("[data-me-score]").inner_text().split()[0]
    expect(host.locator("[data-roster] tr").first).to_contain_text(final_score)  # the roster follows
    code = re.search(r"[2-9A-Z]{8}", prize.inner_text()).group(0)
    host.fill("#redeem-code", code)
    host.click("text=核验并兑奖")
    expect(host.locator("[data-redeem-result]")).to_contain_text(f"兑奖码 {code} 已核销")
    host.click("text=核验并兑奖")
    expect(host.locator("[data-live-error]")).to_have_text("该兑奖码已经兑过奖。")
    host.screenshot(path=output_dir / "host-redeemed.png", full_page=True)
    assert Prize.objects.get(code=code).redeemed_at is not None
    for context in browser.contexts:
        context.close()
