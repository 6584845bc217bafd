"""Pages, exports, QR code, demo content and the phone-deletion command of public games."""
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from contests.games import demo, runner
from contests.games.models import Player, PlayerAnswer, PublicGame, mask_phone

from .conftest import ordered_correct

pytestmark = pytest.mark.django_db


def played_game(game):
    """Two players, the first question answered and revealed, the game finished."""
    evil = Player.objects.create(game=game, nickname="=cmd|'/C'!A0", nickname_key="x", phone="13812345678")
    plain = Player.objects.create(game=game, nickname="小明", nickname_key="小明")
    runner.next_question(game, now=1000)
    correct = ordered_correct(game)[0]
    for player, choice in ((evil, correct), (plain, "A" if correct != "A" else "C")):
        PlayerAnswer.objects.create(game=game, player=player, question_index=0, choice=choice, elapsed_ms=2000,
                                    answered_at="2026-06-16T10:00:00Z")
    runner.reveal(game, now=5000)
    runner.finish(game)
    return evil, plain


def test_pages_render_in_chinese_without_inline_scripts(host_client, game):
    client = Client()
    pages = [reverse("games:join"), reverse("games:play", args=[game.pin]), reverse("games:screen", args=[game.pin])]
    for url in pages:
        html = client.get(url).content.decode()
        assert "<script>" not in html and "onclick" not in html
        assert "游戏" in html
    html = host_client.get(reverse("games:host", args=[game.pin])).content.decode()
    assert "揭晓答案" in html and "<script>" not in html
    assert Client().get(reverse("games:host", args=[game.pin])).status_code == 302  # login first


def test_join_by_pin(client, game):
    assert client.get(reverse("games:join"), {"pin": game.pin}).url == reverse("games:play", args=[game.pin])
    wrong = client.get(reverse("games:join"), {"pin": "12345"}).content.decode()
    assert "六位数字" in wrong
    unknown = "000000" if game.pin != "000000" else "111111"
    assert "没有这个 PIN 码" in client.get(reverse("games:join"), {"pin": unknown}).content.decode()


def test_qr_code_points_to_the_phone_page(client, game):
    response = client.get(reverse("games:qr", args=[game.pin]))
    assert response["Content-Type"] == "image/svg+xml" and b"<svg" in response.content


def test_exports_neutralise_formulas_and_mask_phones(host_client, game):
    played_game(game)
    response = host_client.get(reverse("games:export_players", args=[game.pin]))
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:3] == ("名次", "昵称", "得分")
    assert rows[1][1] == "'=cmd|'/C'!A0" and rows[1][4] == "138****5678"
    assert "13812345678" not in str(rows)
    questions = list(load_workbook(BytesIO(host_client.get(reverse("games:export_questions", args=[game.pin])).content)).active.values)
    assert questions[1][3:5] == (2, 1)  # two answers, one correct


def test_results_page_after_the_game(client, game):
    assert client.get(reverse("games:results", args=[game.pin])).status_code == 404
    played_game(game)
    html = client.get(reverse("games:results", args=[game.pin])).content.decode()
    assert "=cmd|&#x27;/C&#x27;!A0" in html and "前十名" in html


def test_phone_numbers_are_masked_and_deleted_by_the_command(game):
    assert mask_phone("13812345678") == "138****5678" and mask_phone("") == ""
    evil, _ = played_game(game)
    out = StringIO()
    call_command("delete_player_phones", "--finished", stdout=out)
    evil.refresh_from_db()
    assert evil.phone == "" and "deleted 1" in out.getvalue()


def test_demo_is_idempotent():
    first = demo.load()
    assert demo.load() == first and PublicGame.objects.count() == 1
    assert any("/screen/" in line for line in demo.describe_urls("http://x"))
