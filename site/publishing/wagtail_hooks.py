from wagtail import hooks

from .panels import FreshnessPanel


@hooks.register("construct_homepage_panels")
def add_freshness_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(FreshnessPanel())
