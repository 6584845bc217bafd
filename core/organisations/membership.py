"""Who belongs to which unit: people ask, the unit's contact or staff verify (`Membership`).

A person acts for a unit (sends its culture works entries) only with a verified membership. Staff
decide any request with the `organisations.change_membership` permission (the admin and the
requests page check the same rule); a contact decides his own units' requests, never his own."""
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import Membership, Unit

DECIDE_ACTION = "organisations.decide_membership"


class MembershipRefused(Exception):
    pass


def verified_units(user):
    """The units `user` may act for."""
    if not user.is_authenticated:
        return Unit.objects.none()
    return Unit.objects.filter(memberships__user=user, memberships__status=Membership.Status.VERIFIED)


def is_verified_member(user, unit):
    return verified_units(user).filter(pk=unit.pk).exists()


def request(user, unit):
    """Ask to join `unit`; a refused request may be asked again, a pending or verified one stands."""
    membership, created = Membership.objects.get_or_create(user=user, unit=unit)
    if not created:
        if membership.status != Membership.Status.REFUSED:
            raise MembershipRefused(_("You have already asked to join this unit."))
        membership.status, membership.decided_at, membership.decided_by = Membership.Status.PENDING, None, None
        membership.save(update_fields=["status", "decided_at", "decided_by"])
    return membership


def contact_units(user):
    return Unit.objects.filter(memberships__user=user, memberships__contact=True,
                               memberships__status=Membership.Status.VERIFIED)


def may_decide(user, membership):
    if not user.is_authenticated or membership.user_id == user.pk:
        return False
    return user.has_perm("organisations.change_membership") or contact_units(user).filter(
        pk=membership.unit_id).exists()


def decidable(user):
    """The pending requests `user` may decide: all for staff, his units' for a contact."""
    pending = Membership.objects.filter(status=Membership.Status.PENDING).exclude(user=user)
    if user.has_perm("organisations.change_membership"):
        return pending
    return pending.filter(unit__in=contact_units(user))


def decide(membership, verified, user):
    """Verify or refuse `membership`; written to the audit log with who decided."""
    if not may_decide(user, membership):
        raise PermissionDenied(_("Only the unit's contact or staff verify its members."))
    with transaction.atomic():
        membership.status = Membership.Status.VERIFIED if verified else Membership.Status.REFUSED
        membership.decided_at, membership.decided_by = timezone.now(), user
        membership.save(update_fields=["status", "decided_at", "decided_by"])
        log(instance=membership, action=DECIDE_ACTION, user=user, data={"status": membership.status})
    return membership
