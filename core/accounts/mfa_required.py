"""Superusers and staff in the groups of settings.MFA_REQUIRED_GROUPS must set up an authenticator
app (TOTP), in every mode (settings: MFA_REQUIRED=0 alone lifts the rule).

Until they have one, every page sends them to allauth's TOTP setup, except the pages needed to
set it up (MFA, re-authentication), to log out, to switch language, static and media files, and
views marked `grants_no_staff_power` (a participant's play endpoints, which refuse staff and group
members themselves): those skip loading the user here, which would cost two queries a request.
"""
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property


def needs_totp_setup(user):
    """Whether this user must set up TOTP before doing anything else (also for socket consumers)."""
    if not user.is_authenticated:
        return False
    groups = settings.MFA_REQUIRED_GROUPS
    required = (user.is_superuser and settings.MFA_REQUIRED_FOR_SUPERUSERS) or (
        groups and user.groups.filter(name__in=groups).exists()
    )
    if not required:
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def grants_no_staff_power(view):
    """Mark a view that only participants (no staff, no group) may use as outside this rule."""
    view.grants_no_staff_power = True
    return view


class MFARequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def open_prefixes(self):
        return tuple(
            prefix
            for prefix in (
                reverse("mfa_index"),
                reverse("account_reauthenticate"),
                reverse("account_logout"),
                reverse("set_language"),
                settings.STATIC_URL,
                settings.MEDIA_URL,
            )
            if prefix
        )

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "grants_no_staff_power", False) or request.path_info.startswith(self.open_prefixes):
            return None
        if needs_totp_setup(request.user):
            return redirect("mfa_activate_totp")
        return None
