from wagtail.permission_policies import ModelPermissionPolicy


class ResultsPermissionPolicy(ModelPermissionPolicy):
    """Attempts are written by visitors only: staff with `view` may look and export, nobody edits."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action not in {"add", "change", "delete"}])
