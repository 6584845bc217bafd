from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from .deidentification import RESOLVE_ACTION, open_flags, personal_data_check
from .panels import FreshnessPanel


@hooks.register("construct_homepage_panels")
def add_freshness_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(FreshnessPanel())


@hooks.register("legal_review_checks")
def check_personal_data():
    return personal_data_check


def warn_about_flags(request, obj):
    """Tell the editor at once what the reviewer will have to resolve (pages and snippets)."""
    if getattr(obj, "workflow_in_progress", False):
        flags = open_flags(obj)
        if flags:
            messages.warning(request, _("Check before review: %(flags)s. The reviewer must resolve each one.") % {
                "flags": _("; ").join(
                    _("%(kind)s %(text)s (%(where)s)") % {"kind": flag.kind_label, "text": flag.text, "where": flag.where}
                    for flag in flags
                ),
            })


hooks.register("after_create_page", warn_about_flags)
hooks.register("after_edit_page", warn_about_flags)
hooks.register("after_create_snippet", warn_about_flags)
hooks.register("after_edit_snippet", warn_about_flags)


@hooks.register("register_log_actions")
def register_resolution(actions):
    actions.register_action(RESOLVE_ACTION, gettext_lazy("Resolve personal data flags"),
                            gettext_lazy("Personal data flags resolved"))
