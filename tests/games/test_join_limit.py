"""Joins of one game are limited per client address (settings), with a higher limit for phones
holding the game's pass, so a script cannot fill a game with fake players; a refused join stores
nothing and another address, or another game, is not affected."""
import json
import re

import pytest
from asgiref.sync import sync_to_async

from contests.games.models import Player, PublicGame

from .conftest import connect, make_bank, pass_header, receive, send

pytestmark = pytest.mark.django_db(transaction=True)


async def try_join(game, nickname, address, headers=()):
    phone = await connect(f"/ws/games/{game.pin}/play/", address=address, headers=list(headers))
    assert (await receive(phone))["role"] == "visitor"
    await send(phone, "player.join", nickname=nickname, ref="j")
    frame = await receive(phone)
    await phone.disconnect()
    return frame["code"] if frame["type"] == "error" else frame["type"]


def players(game):
    return sorted(Player.objects.filter(game=game).values_list("nickname", flat=True))


@pytest.fixture
def limits(settings):
    settings.GAME_JOINS_PER_ADDRESS = 2
    settings.GAME_JOINS_PER_ADDRESS_WITH_PASS = 4


async def test_a_script_from_one_address_adds_only_a_few_players(game, limits):
    script = "203.0.113.50"
    assert [await try_join(game, f"假{n}", script) for n in range(4)] == [
        "player.joined", "player.joined", "too_many_joins", "too_many_joins"]
    assert await sync_to_async(players)(game) == ["假0", "假1"]
    assert await try_join(game, "邻居", "198.51.100.50") == "player.joined"
    other = await sync_to_async(lambda: PublicGame.objects.create(title="另一场", bank=make_bank("另一题库")))()
    assert await try_join(other, "假9", script) == "player.joined"  # the limit is per game


async def test_a_crowd_holding_the_pass_gets_the_higher_limit(game, limits):
    carrier = "100.64.0.1"
    crowd = [pass_header(game.pin)]
    results = [await try_join(game, f"观众{n}", carrier, crowd) for n in range(5)]
    assert results == ["player.joined"] * 4 + ["too_many_joins"]
    assert len(await sync_to_async(players)(game)) == 4


async def test_a_refused_join_keeps_the_address_free_for_the_next_try(game, limits):
    phone = "203.0.113.51"
    await sync_to_async(Player.objects.create)(game=game, nickname="小明", nickname_key="小明")
    assert await try_join(game, "小明", phone) == "nickname_taken"  # not counted: nothing was added
    assert [await try_join(game, name, phone) for name in ("小红", "小刚")] == ["player.joined"] * 2


def test_the_phone_page_explains_the_refusal_in_chinese(client, game):
    html = client.get(f"/live/games/{game.pin}/").content.decode()
    texts = json.loads(re.search(r'<script id="game-texts" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert texts["errors"]["too_many_joins"] == "从这个网络加入本场游戏的玩家过多。请扫描大屏幕上的二维码加入。"
