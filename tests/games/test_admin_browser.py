"""In chromium: a host draws a game's questions by a mix, then finds the game in the Wagtail admin."""
import re

import pytest
from playwright.sync_api import expect

from contests.games.models import Player, PublicGame
from core.taxonomy.models import CampaignArea

from .conftest import make_bank
from .test_game_browser import host_session_cookie

pytestmark = pytest.mark.browser


def test_host_draws_a_mix_then_sees_the_game_in_the_admin(browser, asgi_server, output_dir):
    bank = make_bank()
    bank.questions.filter(stem__startswith="火灾").update(area=CampaignArea.objects.get(code="fire"))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.add_cookies([host_session_cookie(asgi_server)])
    page = context.new_page()
    page.goto(f"{asgi_server}/live/games/host/")
    page.fill("#id_title", "六月咨询日安全知识游戏")
    page.select_option("#id_bank", str(bank.pk))
    page.fill("#id_mix-0-count", "1")
    page.select_option("#id_mix-0-area", "fire")
    page.fill("#id_mix-1-count", "3")
    page.select_option("#id_mix-1-kind", "truefalse")
    page.fill("#id_seed", "2026-06-16")
    page.click(".game-new button[type=submit]")
    expect(page.locator(".errorlist")).to_contain_text("只有 1 道符合")  # the bank has one true/false
    page.screenshot(path=output_dir / "create-mix-error.png", full_page=True)
    page.fill("#id_mix-1-count", "1")
    page.screenshot(path=output_dir / "create-mix.png", full_page=True)
    page.press("#id_seed", "Enter")
    page.wait_for_url(re.compile(r"/live/games/\d{6}/host/$"))
    expect(page.locator("body")).to_contain_text("揭晓答案")  # the host console
    game = PublicGame.objects.get(title="六月咨询日安全知识游戏")
    assert game.draw_seed == "2026-06-16" and game.game_questions.count() == 2
    Player.objects.create(game=game, nickname="小明", nickname_key="小明", phone="13812345678")

    page.goto(f"{asgi_server}/admin/public_games/")
    expect(page.locator("table.listing")).to_contain_text(game.pin)
    page.screenshot(path=output_dir / "admin-list.png", full_page=True)
    page.goto(f"{asgi_server}/admin/public_games/inspect/{game.pk}/")
    expect(page.locator("body")).to_contain_text("138****5678")
    page.screenshot(path=output_dir / "admin-inspect.png")
    page.get_by_role("heading", name="玩家").scroll_into_view_if_needed()
    page.screenshot(path=output_dir / "admin-inspect-players.png")
    context.close()
