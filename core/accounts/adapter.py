from allauth.account.adapter import DefaultAccountAdapter


class StaffOnlyAccountAdapter(DefaultAccountAdapter):
    """Accounts are for staff and are created by administrators; the public plays without one."""

    def is_open_for_signup(self, request):
        return False
