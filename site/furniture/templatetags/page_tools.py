"""Breadcrumbs, and the tools of an article-like page: share QR, previous and next in its section."""
import segno
from django import template
from django.utils.translation import gettext as _
from wagtail.models import Page

from furniture.menu import extra_menu_items
from furniture.models import SiteFurniture

register = template.Library()


@register.inclusion_tag("furniture/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current_title=""):
    """首页 › section › … › this page; views off the page tree pass their title or have a menu entry."""
    page = context.get("page")
    crumbs = []
    if isinstance(page, Page) and page.depth > 2:
        crumbs = [(ancestor.title, ancestor.url) for ancestor in page.get_ancestors().filter(depth__gt=2).live()]
        current_title = current_title or page.title
    elif not current_title and context.get("request") is not None:
        # Features off the page tree (search): their menu title.
        path = context["request"].path
        current_title = next((item["title"] for item in extra_menu_items(with_hooks=False) if item["url"] == path), "")
    return {"crumbs": crumbs, "current_title": current_title, "is_home": isinstance(page, Page) and page.depth == 2}


@register.simple_tag
def share_qr(url):
    """The page's address as a QR code (an SVG data URI, allowed by the CSP) for WeChat's scanner."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2, title=_("QR code of this page"))


def sibling_order(page):
    """Order of the section's items: by their own date when the page type has one, else the editors' order."""
    for field in ("date", "decision_date", "start"):
        if any(f.name == field for f in page._meta.get_fields()):
            return [field, "path"]
    return ["path"]


@register.simple_tag
def section_neighbours(page):
    """(previous, next) live public pages of the same type in the same section, in reading order (oldest first)."""
    order = sibling_order(page)
    siblings = list(
        type(page).objects.child_of(page.get_parent()).live().public().order_by(*order).values_list("pk", flat=True)
    )
    if page.pk not in siblings:
        return None, None
    index = siblings.index(page.pk)
    previous = type(page).objects.get(pk=siblings[index - 1]) if index > 0 else None
    following = type(page).objects.get(pk=siblings[index + 1]) if index + 1 < len(siblings) else None
    return previous, following


@register.inclusion_tag("furniture/includes/article_tools.html", takes_context=True)
def article_tools(context, source=""):
    """来源, text size 大/中/小, print, read aloud and a share QR: under an article's title."""
    page, request = context["page"], context.get("request")
    source = source or SiteFurniture.for_request(request).publisher_name
    return {"page": page, "source": source, "share_url": page.get_full_url(request)}


@register.simple_tag(takes_context=True)
def share_card(context):
    """{description, image} of the page for Open Graph and WeChat: its own, else the site's."""
    page = context.get("page")
    furniture = SiteFurniture.for_request(context["request"])
    description = image = None
    for name in ("search_description", "summary", "introduction"):
        description = description or getattr(page, name, None)
    for name in ("social_image", "lead_image", "banner_image", "hero_image"):
        image = image or getattr(page, name, None)
    return {"description": description or furniture.description, "image": image or furniture.emblem}
