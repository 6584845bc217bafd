from wagtail import hooks

from .views import OrganisationViewSetGroup


@hooks.register("register_admin_viewset")
def register_organisations():
    return OrganisationViewSetGroup()
