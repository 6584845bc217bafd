from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import AttemptViewSet
from .attempts import Attempt
from .permissions import ResultsPermissionPolicy

register_permission_policy(Attempt, ResultsPermissionPolicy(Attempt), exact_class=True)


@hooks.register("register_admin_viewset")
def register_results():
    return AttemptViewSet("online_quiz_results")
