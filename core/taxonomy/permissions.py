from wagtail.permission_policies import ModelPermissionPolicy


class RelabelOnlyPermissionPolicy(ModelPermissionPolicy):
    """The terms are a fixed set: nobody adds or deletes one, staff with `change` relabel."""

    def user_has_permission(self, user, action):
        if action in {"add", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in {"add", "delete"}]
        return super().users_with_any_permission(actions)
