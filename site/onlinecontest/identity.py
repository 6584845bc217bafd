"""Who is playing: a signed-in participant with a verified phone (core.accounts.phone) or a WeChat
identity (core.accounts.weixin), or, when
the page allows it, a visitor known only by a signed cookie (weak: a new browser is a new person)."""
import uuid

from django.core.signing import BadSignature

from core.accounts.phone import is_participant, verified_phone
from core.accounts.weixin import signed_in_with_weixin

from .records import Participant

VISITOR_COOKIE = "onlinecontest_visitor"
VISITOR_SALT = "onlinecontest.visitor"
VISITOR_COOKIE_AGE = 365 * 24 * 3600


def visitor_id(request):
    try:
        return uuid.UUID(request.get_signed_cookie(VISITOR_COOKIE, salt=VISITOR_SALT))
    except (KeyError, BadSignature, ValueError):
        return None


def set_visitor_cookie(response, request, visitor):
    response.set_signed_cookie(
        VISITOR_COOKIE, str(visitor), salt=VISITOR_SALT, max_age=VISITOR_COOKIE_AGE, httponly=True,
        samesite="Lax", secure=request.is_secure(),
    )


def signed_in(page, request):
    """Whether the request may play on this page at all (without yet being a participant)."""
    if page.identity == page.Identity.COOKIE:
        return True
    user = request.user
    if verified_phone(user) is None and not signed_in_with_weixin(user):
        return False
    return is_participant(user)


def lookup(page, request):
    """The request's Participant filter on this page (a dict), or None when it cannot have one."""
    if page.identity == page.Identity.COOKIE:
        visitor = visitor_id(request)
        return {"page": page, "visitor": visitor} if visitor else None
    if not signed_in(page, request):
        return None
    return {"page": page, "user": request.user}


def participant(page, request, lock=False):
    where = lookup(page, request)
    if where is None:
        return None
    queryset = Participant.objects.select_related("unit", "town")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    return queryset.filter(**where).first()
