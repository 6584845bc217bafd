"""A public game played in chromium as the hall sees it: the host console on a 1024x768 tablet,
the big screen at 1920x1080 and three phones at 390x844, every phase photographed into
test-output/ (docs/host-guide-games.md uses these pictures).

Asserts what people see: the host's allowed buttons per phase (others absent), the primary
action visible without scrolling, no site chrome, no sideways scroll on phones, no stale
countdown after the end, a 0-point player never on the podium, the draw's seed off the big
screen, and the winner's phone turning to 已兑奖 after redemption."""
import re

import pytest
from playwright.sync_api import expect

from contests.games.models import Prize, PublicGame

from .conftest import make_bank, ordered_correct
from .test_game_browser import host_session_cookie

pytestmark = pytest.mark.browser
CHROME = "header.site-header, footer.site-footer, .site-nav, wagtail-userbar, .skip-link"
HOST, SCREEN, PHONE = {"width": 1024, "height": 768}, {"width": 1920, "height": 1080}, {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def patient_expect():
    expect.set_options(timeout=15_000)
    yield
    expect.set_options(timeout=5_000)


def commands(host):
    """The host's visible buttons: (primary, [other steps], [destructive])."""
    primary = host.locator("[data-primary]")
    return (
        primary.get_attribute("data-command") if primary.is_visible() else None,
        host.locator("[data-secondary] button:visible").evaluate_all("nodes => nodes.map(n => n.dataset.command)"),
        host.locator("[data-destructive] button:visible").evaluate_all("nodes => nodes.map(n => n.dataset.command)"),
    )


def expect_controls(host, primary, others=(), destructive=()):
    expect(host.locator("[data-primary]")).to_have_attribute("data-command", primary) if primary else expect(
        host.locator("[data-primary]")
    ).to_be_hidden()
    assert commands(host) == (primary, list(others), list(destructive))
    if primary:  # visible without scrolling on the tablet
        box = host.locator("[data-primary]").bounding_box()
        assert host.evaluate("window.scrollY") == 0 and box["y"] >= 0 and box["y"] + box["height"] <= HOST["height"], box


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


OTHER_SIZES = {"host": SCREEN, "screen": HOST}  # a host on a desktop, a screen on an old projector


def shoot(pages, output_dir, phase):
    """Each page at its own size, and the host console and big screen at the other's size too."""
    for name, page in pages.items():
        page.screenshot(path=output_dir / f"{phase}-{name}.png")
        if name in OTHER_SIZES:
            own = page.viewport_size
            page.set_viewport_size(OTHER_SIZES[name])
            page.wait_for_timeout(300)
            size = OTHER_SIZES[name]
            page.screenshot(path=output_dir / f"{phase}-{name}-{size['width']}x{size['height']}.png")
            if name == "screen":
                no_sideways_scroll(page)
            page.set_viewport_size(own)


def test_a_public_game_as_the_hall_sees_it(browser, asgi_server, output_dir):
    game = PublicGame.objects.create(
        title="六月咨询日安全知识游戏", bank=make_bank(), reading_seconds=1, answer_seconds=20,
        organiser="市应急管理局", colour="#0d47a1", accent_colour="#ffca28",
    )
    game.fill_from_bank(3)
    correct = ordered_correct(game)

    host_context = browser.new_context(viewport=HOST, locale="zh-CN")
    host_context.add_cookies([host_session_cookie(asgi_server, game)])
    host = host_context.new_page()
    host.goto(f"{asgi_server}/live/games/{game.pin}/host/")
    screen = browser.new_context(viewport=SCREEN, locale="zh-CN").new_page()
    screen.goto(f"{asgi_server}/live/games/{game.pin}/screen/")

    # The PIN page's button says 进入; a phone enters the PIN, then its nickname.
    first = browser.new_context(viewport=PHONE, locale="zh-CN").new_page()
    first.goto(f"{asgi_server}/live/games/")
    expect(first.locator("button[type=submit]")).to_have_text("进入")
    first.fill("input[name=pin]", game.pin)
    first.screenshot(path=output_dir / "0-pin-phone.png")
    first.click("button[type=submit]")
    phones = {"ming": first}
    for name in ("hong", "gang"):
        phones[name] = browser.new_context(viewport=PHONE, locale="zh-CN").new_page()
        phones[name].goto(f"{asgi_server}/live/games/{game.pin}/")
    for name, nickname in (("ming", "小明"), ("hong", "小红"), ("gang", "小刚")):
        phones[name].fill("#nickname", nickname)
        if name == "ming":
            phones[name].screenshot(path=output_dir / "0-join-phone.png")
        phones[name].click("#join-form button[type=submit]")
        expect(phones[name].locator("[data-view=lobby]")).to_be_visible()
    pages = {"host": host, "screen": screen, **{f"phone-{name}": page for name, page in phones.items()}}

    expect(screen.locator("[data-joined]")).to_have_text("已有 3 名玩家加入")
    expect(screen.locator(".screen-organiser")).to_have_text("市应急管理局")
    expect(host.locator("[data-phase]")).to_have_text("等待玩家加入")
    expect_controls(host, "host.next", destructive=["host.finish"])
    expect(host.locator("[data-primary]")).to_have_text("开始第一题")
    for page in pages.values():
        assert page.locator(CHROME).count() == 0, page.url
    shoot(pages, output_dir, "1-lobby")

    # Three questions: 小明 always right, 小红 right on the last one only, 小刚 never answers (0 points).
    for index in range(3):
        host.keyboard.press("Space" if index == 0 else "ArrowRight")  # the presenter remote
        expect(screen.locator("[data-progress]")).to_have_text(f"第 {index + 1} 题 / 共 3 题")
        expect_controls(host, "host.reveal", destructive=["host.finish"])
        expect(host.locator(".host-option")).to_have_count(len(game.ordered_questions()[index].options.all()))
        expect(host.locator(".host-option.correct .game-answer-label")).to_contain_text(correct[index])
        if index == 0:
            shoot(pages, output_dir, "2-reading")
        wrong = "A" if correct[index] != "A" else "B"
        for name, label in (("ming", correct[index]), ("hong", correct[index] if index == 2 else wrong)):
            button = phones[name].locator(f".game-answer[data-label='{label}']")
            expect(button).to_be_enabled()
            expect(button).to_have_attribute("aria-label", re.compile(f"^选项 {label}："))
            button.click()
            expect(phones[name].locator("[data-receipt]")).to_contain_text("已收到你的答案")
            top = phones[name].locator("[data-receipt]").bounding_box()
            assert top["y"] < 120, top  # the receipt is at the top
        expect(screen.locator("[data-answered]")).to_have_text("已作答 2 人")
        expect(host.locator("[data-facts]")).to_contain_text("已作答 2 人")
        if index == 0:
            expect(phones["gang"].locator(".game-answer").first).to_be_enabled()
            shoot(pages, output_dir, "3-answering")

        host.click("[data-primary]")  # reveal now (before time is up)
        expect(screen.locator("[data-view=revealed]")).to_be_visible()
        expect(screen.locator(".screen-result.correct .screen-vote-count")).to_have_text("2" if index == 2 else "1")
        expect(phones["ming"].locator("[data-result] .game-verdict")).to_contain_text("答对了")
        expect(phones["hong"].locator("[data-result] .game-verdict")).to_contain_text("答对了" if index == 2 else "答错了")
        expect(phones["gang"].locator("[data-result] .game-verdict")).to_contain_text("未作答")
        expect(phones["ming"].locator(".game-facts")).to_contain_text("第 1 名 / 共 3 人")
        last = index == 2
        expect_controls(host, "host.leaderboard", [] if last else ["host.next"], ["host.finish"])
        if index == 1:
            expect(phones["ming"].locator(".game-streak")).to_contain_text("连续答对 2 题")
            screen.wait_for_timeout(1500)  # the bars have grown
            shoot(pages, output_dir, "4-revealed")

        host.click("[data-primary]")
        expect(screen.locator("[data-view=leaderboard]")).to_be_visible()
        expect(screen.locator("[data-top] li")).to_have_count(3)
        expect(screen.locator("[data-top] li").first).to_contain_text("小明")
        expect_controls(host, "host.finish" if last else "host.next", [], [] if last else ["host.finish"])
        if index == 1:
            screen.wait_for_timeout(1200)
            shoot(pages, output_dir, "5-leaderboard")
        for page in pages.values():
            assert page.locator(CHROME).count() == 0, page.url
        for name in phones:
            no_sideways_scroll(phones[name])

    # After the last question the natural step is the end, which is destructive: confirmed first.
    host.keyboard.press("PageDown")
    confirm = host.locator("[data-confirm]")
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text("此操作无法撤销")
    host.screenshot(path=output_dir / "6-confirm-end-host.png")
    assert PublicGame.objects.get(pk=game.pk).phase == PublicGame.Phase.LEADERBOARD  # nothing happened yet
    confirm.locator("[data-confirm-yes]").click()
    expect(host.locator("[data-phase]")).to_have_text("已结束")
    expect_controls(host, "host.draw")
    expect(host.locator("[data-countdown]")).to_have_text("")
    status = host.locator(".host-status").inner_text()
    assert "秒" not in status and "· ·" not in status and "· \n" not in status, status
    # 小刚 has no points: he is not a winner.
    expect(screen.locator(".screen-step")).to_have_count(2)
    expect(screen.locator("[data-podium]")).not_to_contain_text("小刚")
    expect(phones["ming"].locator(".game-prize")).to_contain_text("兑奖码")
    expect(phones["gang"].locator(".game-prize")).to_have_count(0)
    screen.wait_for_timeout(2500)  # the podium has risen
    shoot(pages, output_dir, "7-finished")

    # The lucky draw: podium winners are not drawn again; the seed stays on the host console.
    host.fill("#draw-count", "3")
    host.fill("#draw-min", "0")
    host.click("[data-draw-form] button[type=submit]")
    expect(screen.locator("[data-winners] li")).to_have_count(1)
    expect(screen.locator("[data-winners]")).to_have_text("小刚")
    expect(host.locator("[data-draw-result]")).to_contain_text("随机种子")
    draw_seed = game.draws.get().seed
    assert draw_seed not in screen.locator("body").inner_text() and "种子" not in screen.locator("body").inner_text()
    expect(phones["gang"].locator(".game-prize")).to_contain_text("幸运奖")
    shoot({"screen": screen, "host": host, "phone-gang": phones["gang"]}, output_dir, "8-draw")

    # Redeeming 小明's code turns his phone to 已兑奖.
    code = Prize.objects.get(player__nickname="小明").code
    host.fill("#redeem-code", code)
    host.click("[data-redeem-form] button[type=submit]")
    expect(host.locator("[data-redeem-result]")).to_contain_text(f"兑奖码 {code} 已核销")
    expect(phones["ming"].locator(".game-prize.redeemed")).to_contain_text("已兑奖")
    shoot({"host": host, "phone-ming": phones["ming"]}, output_dir, "9-redeemed")

    # Sound switch and larger text.
    host.click("[data-sound]")
    expect(host.locator("[data-sound]")).to_have_text("声音：关")
    phones["hong"].click("[data-large-text]")
    expect(phones["hong"].locator("[data-large-text]")).to_have_attribute("aria-pressed", "true")
    no_sideways_scroll(phones["hong"])
    phones["hong"].screenshot(path=output_dir / "10-large-text-phone-hong.png")
    for context in browser.contexts:
        context.close()
