from wagtail import hooks

from .views import NominationViewSet


@hooks.register("register_admin_viewset")
def register_nominations():
    return NominationViewSet("nominations")
