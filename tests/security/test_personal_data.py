"""Phone numbers given for prize contact: masked in every page, frame and export that shows them,
exports only for hosts, and gone after the documented command (README: delete_player_phones)."""
import json
from io import BytesIO, StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from core.accounts.models import User
from core.accounts.roles import EDITORS, HOSTS, JUDGES

pytestmark = pytest.mark.django_db
PHONE, MASKED = "13812345678", "138****5678"


def user_in(group, name):
    user = User.objects.create_user(name, password="x")
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def finished_game():
    from contests.games import runner, state
    from contests.games.models import PlayerAnswer, PublicGame
    from tests.games.conftest import make_bank

    state.played_questions.cache_clear()
    game = PublicGame.objects.create(title="咨询日游戏", bank=make_bank(), reading_seconds=0, answer_seconds=30)
    game.fill_from_bank(3)
    winner, _ = runner.join(game.pk, "小明", PHONE)
    runner.join(game.pk, "小红")
    runner.next_question(game, now=1000)
    PlayerAnswer.objects.create(game=game, player=winner, question_index=0, choice="B", elapsed_ms=1000,
                                answered_at="2026-06-16T10:00:00Z")
    runner.reveal(game, now=5000)
    runner.finish(game)
    runner.lucky_draw(game, 2, 0, seed="fixed")
    return game, winner


def test_a_phone_number_is_masked_everywhere_and_exported_only_to_hosts(finished_game):
    from contests.games import frames as game_frames

    game, winner = finished_game
    frames = [
        game_frames.host_snapshot(game.pk), game_frames.screen_snapshot(game.pk), game_frames.player_snapshot(winner.pk)
    ]
    assert all(PHONE not in json.dumps(frame, ensure_ascii=False) for frame in frames)
    assert MASKED in json.dumps(frames[0], ensure_ascii=False)  # the host's roster, to call the winner

    host = user_in(HOSTS, "zhuchiren")
    game.owner = User.objects.get(username="zhuchiren")
    game.save(update_fields=["owner"])
    pages = [reverse("games:screen", args=[game.pin]), reverse("games:play", args=[game.pin]),
             reverse("games:results", args=[game.pin])]
    for url in pages:
        assert PHONE not in Client().get(url).content.decode()
    assert PHONE not in host.get(reverse("games:host", args=[game.pin])).content.decode()

    exports = [reverse("games:export_players", args=[game.pin]), reverse("games:export_questions", args=[game.pin])]
    for url in exports:
        assert Client().get(url).status_code == 302  # to the login page
        for group in (EDITORS, JUDGES):
            assert user_in(group, f"{group}-{url[-12:]}").get(url).status_code in (302, 403)
        values = [cell for row in load_workbook(BytesIO(host.get(url).content)).active.values for cell in row]
        assert PHONE not in values
    values = [cell for row in load_workbook(BytesIO(host.get(exports[0]).content)).active.values for cell in row]
    assert MASKED in values


def test_the_documented_command_deletes_the_numbers_after_the_event(finished_game):
    from contests.games.models import Player

    game, winner = finished_game
    out = StringIO()
    call_command("delete_player_phones", "--pin", game.pin, stdout=out)
    assert "deleted 1" in out.getvalue()
    assert not Player.objects.exclude(phone="").exists()
    winner.refresh_from_db()
    assert winner.masked_phone == ""
