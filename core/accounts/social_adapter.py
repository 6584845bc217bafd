from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .phone import is_participant


class ParticipantSocialAccountAdapter(DefaultSocialAccountAdapter):
    """Third-party sign-in (WeChat) for participants only: it creates accounts without any staff
    power, never signs a staff account in (staff keep password and TOTP), and takes its keys from
    the environment only, never from SocialApp rows in the database."""

    def is_open_for_signup(self, request, sociallogin):
        return True

    def is_auto_signup_allowed(self, request, sociallogin):
        # WeChat gives neither e-mail nor phone: the participant picks name and unit in the contest.
        return True

    def pre_social_login(self, request, sociallogin):
        user = sociallogin.user
        if sociallogin.is_existing and not is_participant(user):
            self.refuse(request)
        if request.user.is_authenticated and not is_participant(request.user):
            # Connecting WeChat to a staff account would open a way around password and TOTP.
            self.refuse(request)

    def refuse(self, request):
        messages.error(request, _("Staff accounts sign in with their password, not through WeChat."))
        raise ImmediateHttpResponse(redirect("account_login"))

    def list_apps(self, request, provider=None, client_id=None):
        # Apps from settings (the environment) are never saved: a database row has a primary key.
        return [app for app in super().list_apps(request, provider, client_id) if app.pk is None]
