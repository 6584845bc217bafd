"""Content-Security-Policy: the strict public policy, and the looser one the Wagtail admin needs.

The policies themselves are settings (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY);
this middleware picks one per request and adds the live sockets of the page's own host to
connect-src ('self' does not cover ws:/wss: in every browser).
"""
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.core.exceptions import DisallowedHost


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        admin = settings.ADMIN_CONTENT_SECURITY_POLICY
        # Wagtail renders previews through the middleware with the page's own path, for a
        # same-origin iframe in the editor.
        in_admin = request.path_info.startswith(admin["URL_PREFIX"]) or getattr(request, "is_preview", False)
        if parts.config is None and in_admin:
            parts.config = default_config(admin["DIRECTIVES"])
        try:
            host = request.get_host()
        except DisallowedHost:
            return parts
        socket = f"{'wss' if request.is_secure() else 'ws'}://{host}"
        update = dict(parts.update or {})
        update["connect-src"] = [*update.get("connect-src", ()), socket]
        parts.update = update
        return parts
