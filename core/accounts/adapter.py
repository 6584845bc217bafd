from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.fields import PhoneField

from . import phone as phones
from . import sms


class MainlandPhoneField(PhoneField):
    """allauth's phone field that also takes an 11-digit mainland number as people write it."""

    def to_python(self, value):
        return phones.normalise(super().to_python(value))


class StaffOnlyAccountAdapter(DefaultAccountAdapter):
    """Staff accounts are created by administrators (no sign-up form). Participants sign in with
    a phone number and a code (allauth's login by code); phone.participant_for creates theirs."""

    def is_open_for_signup(self, request):
        return False

    def phone_form_field(self, **kwargs):
        return MainlandPhoneField(**kwargs)

    def send_verification_code_sms(self, user, phone, code, **kwargs):
        sms.send_code(phone, code)

    def set_phone(self, user, phone, verified):
        user.phone, user.phone_verified = phone, verified
        user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user):
        return (user.phone, user.phone_verified) if user.phone else None

    def set_phone_verified(self, user, phone):
        if user.phone == phone and not user.phone_verified:
            user.phone_verified = True
            user.save(update_fields=["phone_verified"])

    def get_user_by_phone(self, phone):
        """Only participants are found by phone: a staff account never signs in by text message."""
        return phones.participants().filter(phone=phone, is_active=True).first()
