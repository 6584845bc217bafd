"""Who is playing: a signed-in participant with a verified phone (core.accounts.phone) or a WeChat
identity (core.accounts.weixin), or, when
the page allows it, a visitor known only by a signed cookie (weak: a new browser is a new person)."""
import uuid

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature
from django.utils.crypto import constant_time_compare

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


# The play endpoints (play.py) ask the session alone who is playing, and check the account on the
# participant row they read anyway: no query of their own.

def play_filter(rules, request):
    """The Participant filter of the request on the play endpoints: by the signed-in account's id
    from the session (phone mode) or the visitor cookie; None when the request cannot play."""
    if rules.cookie_identity:
        visitor = visitor_id(request)
        return {"visitor": visitor} if visitor else None
    try:
        user_id = get_user_model()._meta.pk.to_python(request.session[SESSION_KEY])
    except (KeyError, ValidationError):
        return None
    if request.session.get(BACKEND_SESSION_KEY) not in settings.AUTHENTICATION_BACKENDS:
        return None
    return {"user_id": user_id}


def may_play(rules, request, participant, in_a_group):
    """Whether the participant row (its user joined, `in_a_group` read with it) still belongs to a
    signed-in participant: what signed_in() checks on the page, without another query, and the
    session verified against the account as django.contrib.auth.get_user does."""
    if rules.cookie_identity:
        return True
    user = participant.user
    if user is None or not user.is_active or user.is_staff or user.is_superuser or in_a_group:
        return False
    if not constant_time_compare(request.session.get(HASH_SESSION_KEY, ""), user.get_session_auth_hash()):
        # A rotated secret key, or a stale session: Django's own check (fallback keys, flush).
        if request.user.pk != user.pk:
            return False
    if verified_phone(user) is None and not signed_in_with_weixin(user):
        return False
    return True
