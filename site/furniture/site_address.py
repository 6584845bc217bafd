"""The Wagtail Site's address (sitemap.xml, robots.txt, shared links) taken from BASE_URL.

Wagtail creates its default Site as localhost:80, so every absolute URL would read
http://localhost. `set_site_address` (run at deploy, and by the demo loader) writes BASE_URL's host
and port into the default Site; editors may change it later under Settings › Sites."""
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def address_from(base_url):
    """(hostname, port) of `base_url`; the port a Site needs for Wagtail to write the same root URL."""
    parts = urlsplit(base_url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"BASE_URL must be an http(s) address, not {base_url!r}")
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def set_site_address(base_url=None):
    """Point the default Site at `base_url` (settings.WAGTAILADMIN_BASE_URL by default); returns its root URL."""
    hostname, port = address_from(base_url or settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
    return site.root_url
