from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("base/includes/nav.html", takes_context=True)
def site_nav(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    current_path = getattr(current, "path", "")
    sections = site.root_page.get_children().live().in_menu() if site else []
    items = [(section, current_path.startswith(section.path)) for section in sections]
    return {"items": items, "current": current, "request": request}
