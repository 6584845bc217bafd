"""Per-view request-body limits. Every request body is held to MAX_UPLOAD_SIZE (the site's
`uploads.limits`, before Django reads it); a view marked `@allows_upload("SETTING")` takes bodies up
to that setting's size instead. The view is found from the request path alone (no database), so
the limit is known before the first byte of the body is read. Wagtail pages are all served by one
view: a page that takes large uploads posts them to a URL of its own."""
from django.conf import settings
from django.urls import Resolver404, resolve

ATTRIBUTE = "upload_limit_setting"


def allows_upload(setting_name):
    def mark(view):
        setattr(view, ATTRIBUTE, setting_name)
        return view

    return mark


def limit_for_path(path):
    """The body limit, in bytes, of the view at `path`: its own setting, or MAX_UPLOAD_SIZE."""
    try:
        view = resolve(path).func
    except Resolver404:
        return settings.MAX_UPLOAD_SIZE
    setting_name = getattr(view, ATTRIBUTE, None)
    return getattr(settings, setting_name) if setting_name else settings.MAX_UPLOAD_SIZE
