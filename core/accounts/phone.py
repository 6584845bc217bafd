"""Participants' phone numbers: the one place that says who has a verified phone.

A participant is an account without any staff power (not staff, not superuser, in no group): the
phone sign-in creates such accounts and finds only such accounts, so a text message never opens a
staff account, and staff keep signing in with their password (and TOTP) as before.
"""
import re
import uuid

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

MAINLAND_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def normalise(value):
    """'138 0013 8000', '+86 13800138000' and '008613800138000' all become '+8613800138000'."""
    value = re.sub(r"[\s\-()]", "", value or "")
    if value.startswith("00"):
        value = "+" + value[2:]
    if MAINLAND_MOBILE.match(value):
        value = "+86" + value
    return value


def participants():
    return get_user_model().objects.filter(is_staff=False, is_superuser=False, groups__isnull=True)


def is_participant(user):
    return not (user.is_staff or user.is_superuser or user.groups.exists())


def verified_phone(user):
    """The user's verified phone number ('+8613800138000'), or None: signed out, no phone, not
    verified, or a staff account. Every feature that needs a real person asks this."""
    if user is None or not user.is_authenticated or not user.phone or not user.phone_verified:
        return None
    return user.phone


def participant_for(phone):
    """The participant account of this phone number, created if the number is new; None if the
    number belongs to a staff account."""
    User = get_user_model()
    existing = User.objects.filter(phone=phone).first()
    if existing is not None:
        return existing if is_participant(existing) else None
    try:
        with transaction.atomic():
            user = User(username=f"phone-{uuid.uuid4().hex[:16]}", phone=phone, phone_verified=False)
            user.set_unusable_password()
            user.save()
            return user
    except IntegrityError:  # the same number, created a moment ago by a parallel request
        return participants().filter(phone=phone).first()


def masked(phone):
    """'+8613800138000' -> '138****8000' for public lists."""
    digits = phone[3:] if phone and phone.startswith("+86") else (phone or "")
    if len(digits) < 7:
        return "*" * len(digits)
    return f"{digits[:3]}****{digits[-4:]}"
