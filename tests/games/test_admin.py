"""Public games in the Wagtail admin (Hosts and superusers), and their links on the event page."""
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from core.accounts.models import User
from core.accounts.roles import EDITORS, HOSTS, JUDGES
from base.models import HomePage
from contests.games import runner
from contests.games.models import Player, Prize, PublicGame
from events.models import EventPage

pytestmark = pytest.mark.django_db

LIST = "/admin/public_games/"


def staff(client, group=None, superuser=False):
    user = User.objects.create_user(f"u{User.objects.count()}", password="x", is_superuser=superuser)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


@pytest.fixture
def event():
    home = HomePage.objects.get(depth=2)
    start = timezone.now() + timedelta(days=1)
    page = EventPage(title="六月安全咨询日", start=start, end=start + timedelta(hours=3), place="人民广场")
    home.add_child(instance=page)
    return page


@pytest.fixture
def games(game, event):
    game.event_page = event
    game.save()
    winner = Player.objects.create(game=game, nickname="<b>小明</b>", nickname_key="小明", phone="13812345678")
    Player.objects.create(game=game, nickname="小红", nickname_key="小红")
    Prize.objects.create(game=game, player=winner, reason=Prize.Reason.PODIUM, code="ABCDEFGH")
    other = PublicGame.objects.create(title="消防知识抢答", bank=game.bank, owner=game.owner)
    return game, other


def test_hosts_list_filter_and_search_games(client, games):
    game, other = games
    client.force_login(game.owner)
    body = client.get(LIST).content.decode()
    assert "公众游戏" in body and game.pin in body and other.pin in body
    assert "六月安全咨询日" in body and "等待玩家" in body  # event and status
    assert reverse("games:host", args=[game.pin]) in body and reverse("games:screen", args=[game.pin]) in body
    assert reverse("games:export_players", args=[game.pin]) in body
    assert reverse("games:host_games") in body  # "add" leads to the form that draws the questions
    by_event = client.get(LIST, {"event_page": game.event_page_id}).content.decode()
    assert game.pin in by_event and other.pin not in by_event
    by_pin = client.get(LIST, {"q": other.pin}).content.decode()
    assert other.pin in by_pin and game.pin not in by_pin
    by_title = client.get(LIST, {"q": "消防"}).content.decode()
    assert other.pin in by_title and game.pin not in by_title
    runner.finish(game)
    by_status = client.get(LIST, {"phase": "finished"}).content.decode()
    assert game.pin in by_status and other.pin not in by_status
    assert reverse("games:results", args=[game.pin]) in by_status


def test_player_counts_in_the_list(client, games):
    game, other = games
    client.force_login(game.owner)
    response = client.get(LIST, {"ordering": "-player_count"})
    rows = [row for row in response.context["object_list"]]
    assert [(row.pk, row.player_count) for row in rows] == [(game.pk, 2), (other.pk, 0)]


def test_inspect_shows_players_and_prizes_with_masked_phones(client, games):
    game, _other = games
    client.force_login(game.owner)
    body = client.get(f"{LIST}inspect/{game.pk}/").content.decode()
    assert "&lt;b&gt;小明&lt;/b&gt;" in body and "<b>小明</b>" not in body  # a nickname is text
    assert "138****5678" in body and "13812345678" not in body
    assert "ABCDEFGH" not in body and "AB······" in body and "未兑奖" in body
    assert "共 3 道题" in body
    assert reverse("games:host", args=[game.pin]) in body and reverse("games:export_questions", args=[game.pin]) in body


def test_the_admin_edits_only_title_event_and_hosts_and_creates_through_the_host_form(client, games):
    game, _other = games
    staff(client, superuser=True)
    assert client.get(f"{LIST}new/").url == reverse("games:host_games")
    form = client.get(f"{LIST}edit/{game.pk}/").context["form"]
    assert set(form.fields) == {"title", "event_page", "owner", "cohosts"}
    client.post(f"{LIST}edit/{game.pk}/", {"title": "改名后的游戏", "event_page": game.event_page_id, "owner": game.owner_id})
    game.refresh_from_db()
    assert game.title == "改名后的游戏" and game.game_questions.count() == 3


def test_a_host_sees_and_opens_only_the_games_he_runs_and_only_the_owner_names_cohosts(client, games):
    game, other = games
    stranger = User.objects.create_user("stranger", password="x")
    stranger.groups.add(Group.objects.get(name=HOSTS))
    cohost = User.objects.create_user("cohost", password="x")
    cohost.groups.add(Group.objects.get(name=HOSTS))
    client.force_login(stranger)
    body = client.get(LIST).content.decode()
    assert game.pin not in body and other.pin not in body
    for view in ("edit", "delete", "inspect", "history", "usage"):
        assert client.get(f"{LIST}{view}/{game.pk}/").status_code == 404, view
    assert client.post(f"{LIST}edit/{game.pk}/", {"title": "夺走", "cohosts": [stranger.pk]}).status_code == 404
    assert client.post(f"{LIST}delete/{game.pk}/").status_code == 404
    game.refresh_from_db()
    assert game.title == "咨询日安全知识游戏" and not game.cohosts.exists()

    client.force_login(game.owner)
    assert set(client.get(f"{LIST}edit/{game.pk}/").context["form"].fields) == {"title", "event_page", "cohosts"}
    client.post(f"{LIST}edit/{game.pk}/", {"title": game.title, "event_page": game.event_page_id, "cohosts": [cohost.pk],
                                           "owner": stranger.pk})
    game.refresh_from_db()
    assert list(game.cohosts.all()) == [cohost] and game.owner.username == "host"

    client.force_login(cohost)
    assert game.pin in client.get(LIST).content.decode()
    assert set(client.get(f"{LIST}edit/{game.pk}/").context["form"].fields) == {"title", "event_page"}
    client.post(f"{LIST}edit/{game.pk}/", {"title": game.title, "event_page": game.event_page_id, "cohosts": [stranger.pk]})
    assert list(game.cohosts.all()) == [cohost]
    assert other.pin not in client.get(LIST).content.decode()


@pytest.mark.parametrize("group", [EDITORS, JUDGES])
def test_other_staff_cannot_see_games(client, games, group):
    staff(client, group)
    assert client.get(LIST).status_code in (302, 403)
    assert client.get(f"{LIST}inspect/{games[0].pk}/").status_code in (302, 403, 404)
    assert "公众游戏" not in client.get("/admin/").content.decode()


def test_the_event_page_links_to_the_game_while_it_runs_then_to_its_results(client, games):
    game, _other = games
    play_link, results_link = (f'href="{reverse(name, args=[game.pin])}"' for name in ("games:play", "games:results"))
    body = client.get(game.event_page.url).content.decode()
    assert game.title in body and play_link in body and results_link not in body
    runner.finish(game)
    body = client.get(game.event_page.url).content.decode()
    assert results_link in body and play_link not in body
    assert client.get(reverse("games:results", args=[game.pin])).status_code == 200
