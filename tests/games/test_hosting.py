"""A game is run by its owner and the co-hosts he names (superusers: any game), on the pages, the
exports and the host socket alike; the host socket asks for TOTP where the pages would."""
import importlib

import pytest
from allauth.mfa.models import Authenticator
from asgiref.sync import sync_to_async
from django.apps import apps
from django.contrib.auth.models import AnonymousUser, Group
from django.test import Client
from django.urls import reverse

from core.accounts.models import User
from core.accounts.roles import HOSTS, JUDGES
from contests.games.models import PublicGame
from contests.live.consumer import CLOSE_REFUSED

from .conftest import connect, receive, receive_until, send
from .test_consumers import bare

HOST_PAGES = ("games:host", "games:export_players", "games:export_questions")


def user_in(group, name):
    user = User.objects.create_user(name, password="x")
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_a_games_pages_and_exports_are_for_its_owner_and_cohosts_only(game):
    stranger, cohost = user_in(HOSTS, "stranger"), user_in(HOSTS, "cohost")
    superuser = User.objects.create_superuser("root", password="x")
    urls = [reverse(name, args=[game.pin]) for name in HOST_PAGES]
    for url in urls:
        assert logged_in(stranger).get(url).status_code == 403, url
    assert game.pin not in logged_in(stranger).get(reverse("games:host_games")).content.decode()
    game.cohosts.add(cohost)
    for user in (game.owner, cohost, superuser):
        client = logged_in(user)
        assert [client.get(url).status_code for url in urls] == [200, 200, 200], user
        assert game.pin in client.get(reverse("games:host_games")).content.decode()


def game_record(game):
    game.refresh_from_db()
    return game.phase, game.version, game.current_index, game.players.count()


async def refusal(game, user):
    communicator = await connect(f"/ws/games/{game.pin}/host/", bare, user=user)
    frame = await receive(communicator)
    closed = await communicator.receive_output(timeout=5)
    return frame["code"], closed["code"]


@pytest.mark.django_db(transaction=True)
async def test_the_host_socket_is_for_the_owner_and_cohosts_only(game):
    stranger = await sync_to_async(user_in)(HOSTS, "stranger")
    judge = await sync_to_async(user_in)(JUDGES, "judge")
    nobody = await sync_to_async(user_in)(None, "visitor")
    before = await sync_to_async(game_record)(game)
    for user in (stranger, judge, nobody, AnonymousUser()):
        assert await refusal(game, user) == ("forbidden", CLOSE_REFUSED), user
    assert await sync_to_async(game_record)(game) == before

    cohost = await sync_to_async(user_in)(HOSTS, "cohost")
    await sync_to_async(game.cohosts.add)(cohost)
    host = await connect(f"/ws/games/{game.pin}/host/", bare, user=cohost)
    assert (await receive(host))["role"] == "host"
    await send(host, "host.next")
    assert (await receive_until(host, "game.question"))["game"]["index"] == 0
    await host.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_the_host_socket_asks_for_totp_where_the_pages_do(game, settings):
    settings.MFA_REQUIRED_GROUPS = [HOSTS]
    owner = await sync_to_async(lambda: game.owner)()
    page = await sync_to_async(lambda: logged_in(owner).get(reverse("games:host", args=[game.pin])))()
    assert page.status_code == 302 and page["Location"] == reverse("mfa_activate_totp")
    before = await sync_to_async(game_record)(game)
    assert await refusal(game, owner) == ("mfa_required", CLOSE_REFUSED)
    assert await sync_to_async(game_record)(game) == before

    await sync_to_async(Authenticator.objects.create)(user=owner, type=Authenticator.Type.TOTP, data={"secret": "x"})
    host = await connect(f"/ws/games/{game.pin}/host/", bare, user=owner)
    assert (await receive(host))["role"] == "host"
    await host.disconnect()


@pytest.mark.django_db
def test_existing_games_are_owned_by_their_creator_or_left_to_superusers(game):
    migration = importlib.import_module("contests.games.migrations.0004_owner_and_cohosts")
    creator = user_in(HOSTS, "creator")
    created = PublicGame.objects.create(title="旧游戏", created_by=creator)
    orphan = PublicGame.objects.create(title="无主游戏")
    migration.owners_from_creators(apps, None)
    created.refresh_from_db(), orphan.refresh_from_db()
    assert created.owner == creator and orphan.owner is None
    assert not orphan.is_hosted_by(creator) and orphan.is_hosted_by(User.objects.create_superuser("root", password="x"))
