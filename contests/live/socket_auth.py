"""Channels' auth stack for sockets, without its trip to the database thread for a socket that
carries no session cookie.

`AuthMiddleware` resolves `scope["user"]` with `get_user`, a `database_sync_to_async` call, for
every socket: when 2000 phones scan a game's QR code at once, 2000 hops queue on the one shared
database thread although none of the phones is signed in (about a tenth of the event loop's time
in a join storm, docs/performance.md). Without a session key nobody can be signed in, so such a
socket gets the anonymous user at once; a socket with a session cookie is resolved as before.
"""
from channels.auth import AuthMiddleware
from channels.sessions import CookieMiddleware, SessionMiddleware
from django.contrib.auth.models import AnonymousUser


class SessionAuthMiddleware(AuthMiddleware):
    async def resolve_scope(self, scope):
        if scope["session"].session_key is None:  # no (well-formed) session cookie: nobody signed in
            scope["user"]._wrapped = AnonymousUser()
        else:
            await super().resolve_scope(scope)


def SocketAuthMiddlewareStack(inner):  # noqa: N802 (named like Channels' AuthMiddlewareStack)
    return CookieMiddleware(SessionMiddleware(SessionAuthMiddleware(inner)))
