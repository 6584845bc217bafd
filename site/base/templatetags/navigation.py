from django import template
from wagtail.models import Site

from furniture.menu import extra_menu_items

register = template.Library()


@register.inclusion_tag("base/includes/nav.html", takes_context=True)
def site_nav(context):
    request = context.get("request")
    # Django renders error pages (their context has `request_path`) on a thread outside the
    # request's own: a query there would hold a pooled database connection for good. Error
    # pages therefore get the nav without the sections.
    if request is None or "request_path" in context:
        return {"items": [], "extras": [(item, False) for item in extra_menu_items(with_hooks=False)], "request": request}
    site = Site.find_for_request(request)
    current_path = getattr(context.get("page"), "path", "")
    sections = site.root_page.get_children().live().in_menu() if site else []
    items = [(section, current_path.startswith(section.path)) for section in sections]
    extras = [(item, request.path == item["url"]) for item in extra_menu_items()]
    return {"items": items, "extras": extras, "current": context.get("page"), "request": request}
