"""The site map page (网站地图), robots.txt and the favicon."""
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from wagtail.models import Site

from .menu import extra_menu_items

# Deep enough for every section and its items; filter pages are in sitemap.xml.
SITE_MAP_DEPTH = 4


def page_tree(root):
    """[(page, [children...])] of the live public pages under `root`, down to SITE_MAP_DEPTH."""
    pages = list(root.get_descendants().live().public().filter(depth__lte=SITE_MAP_DEPTH).order_by("path").specific())
    children = {}
    for page in pages:
        children.setdefault(page.path[: -page.steplen], []).append(page)

    def branch(page):
        return [(child, branch(child)) for child in children.get(page.path, [])]

    return branch(root)


def site_map(request):
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    tree = page_tree(root) if root else []
    return render(request, "furniture/site_map.html", {"root": root, "tree": tree, "features": extra_menu_items()})


@cache_control(max_age=3600, public=True)
def robots_txt(request):
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return render(
        request, "furniture/robots.txt", {"sitemap_url": root_url + reverse("sitemap_xml")}, content_type="text/plain"
    )


def favicon(request):
    return HttpResponsePermanentRedirect(staticfiles_storage.url("furniture/favicon.ico"))
