"""The sockets' auth stack (contests/live/socket_auth.py): no trip to the database thread for a
socket without a session cookie, the signed-in user for one with a session."""
import pytest
from channels import auth
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from contests.live.socket_auth import SocketAuthMiddlewareStack
from core.accounts.models import User

pytestmark = pytest.mark.django_db(transaction=True)


async def user_of(cookie_header):
    """The user an application behind the stack sees for a socket with this Cookie header."""
    seen = {}

    async def application(scope, receive, send):
        seen["user"] = scope["user"]._wrapped

    headers = [(b"cookie", cookie_header.encode())] if cookie_header else []
    await SocketAuthMiddlewareStack(application)({"type": "websocket", "headers": headers}, None, None)
    return seen["user"]


async def test_a_socket_without_a_session_is_anonymous_without_asking_the_database(monkeypatch):
    async def no_lookup(scope):
        raise AssertionError("get_user was called for a socket without a session")

    monkeypatch.setattr(auth, "get_user", no_lookup)
    assert isinstance(await user_of(""), AnonymousUser)
    assert isinstance(await user_of("game_pass=abc; other=1"), AnonymousUser)
    assert isinstance(await user_of("sessionid=short"), AnonymousUser)  # not a well-formed session key


async def test_a_socket_with_a_session_gets_its_user(settings):
    from asgiref.sync import sync_to_async

    def signed_in():
        user = User.objects.create(username="host-auth")
        client = Client()
        client.force_login(user)
        return user, client.cookies[settings.SESSION_COOKIE_NAME].value

    user, session = await sync_to_async(signed_in)()
    assert (await user_of(f"{settings.SESSION_COOKIE_NAME}={session}")).pk == user.pk
    tampered = ("y" if session[0] == "x" else "x") + session[1:]  # a random key may start with x already
    assert isinstance(await user_of(f"{settings.SESSION_COOKIE_NAME}={tampered}"), AnonymousUser)
