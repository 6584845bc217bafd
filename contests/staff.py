"""Staff powers over live things, checked the same way on pages, in the admin and on sockets: a
host or judge acts only on the contests and games he is assigned to, and only once he has done
what the site's pages ask of him first (TOTP for the groups of MFA_REQUIRED_GROUPS)."""
from django.http import Http404
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.accounts.mfa_required import needs_totp_setup
from core.accounts.roles import in_group

from .rules.refusal import Refusal


def check_staff_seat(user, group, assigned):
    """Raise Refusal unless `user` may take a staff seat of `group` on an object he is `assigned`
    to (a bool): `forbidden` if he may not, `mfa_required` while the pages would send him to TOTP
    setup (the very rule of core.accounts.mfa_required's middleware)."""
    if user is None or not in_group(user, group) or not (user.is_superuser or assigned):
        raise Refusal("forbidden", "this login may not take this seat")
    check_totp(user)


def check_totp(user):
    if needs_totp_setup(user):
        raise Refusal("mfa_required", "set up an authenticator app (TOTP) on the site first, then reconnect")


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, on the objects `scope(user)` returns only (bulk actions, buttons)."""

    def __init__(self, model, scope):
        super().__init__(model)
        self.scope = scope

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self.scope(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        return super().instances_user_has_any_permission_for(user, actions).filter(pk__in=self.scope(user).values("pk"))


class ScopedIndexMixin:
    """A Wagtail admin listing of only the objects `scope(user)` returns."""

    scope = None  # user -> queryset of the objects this user may see

    def get_base_queryset(self):
        return super().get_base_queryset().filter(pk__in=self.scope(self.request.user).values("pk"))


class ScopedObjectMixin:
    """A Wagtail admin view of one object (edit, delete, inspect, history, usage): any object
    outside `scope(user)` is a 404, whatever the URL."""

    scope = None

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.scope(self.request.user).filter(pk=instance.pk).exists():
            raise Http404
        return instance


def scope_viewset(viewset_class, scope):
    """`viewset_class` with every view, and the model's permission policy, limited to `scope(user)`."""
    register_permission_policy(viewset_class.model, ScopedPermissionPolicy(viewset_class.model, scope))
    attributes = {}
    for name, mixin in (("index", ScopedIndexMixin), ("edit", ScopedObjectMixin), ("delete", ScopedObjectMixin),
                        ("inspect", ScopedObjectMixin), ("history", ScopedObjectMixin), ("usage", ScopedObjectMixin)):
        view_class = getattr(viewset_class, f"{name}_view_class")
        attributes[f"{name}_view_class"] = type(view_class.__name__, (mixin, view_class), {"scope": staticmethod(scope)})
    return type(viewset_class.__name__, (viewset_class,), attributes)
