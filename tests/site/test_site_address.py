"""sitemap.xml, robots.txt and shared links use the site's configured address, not http://localhost."""
import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from furniture.site_address import address_from, set_site_address

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("url", "expected"), [
    ("https://yjj.ruian.gov.cn", ("yjj.ruian.gov.cn", 443)),
    ("https://yjj.ruian.gov.cn/", ("yjj.ruian.gov.cn", 443)),
    ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
    ("http://example.org", ("example.org", 80)),
])
def test_address_from_base_url(url, expected):
    assert address_from(url) == expected


@pytest.mark.parametrize("url", ["", "yjj.ruian.gov.cn", "ftp://example.org", "https://"])
def test_a_base_url_that_is_no_web_address_is_refused(url):
    with pytest.raises(ValueError):
        address_from(url)


def test_sitemap_uses_the_configured_address(client, settings, news_index, make_article):
    make_article("学校消防", venues=["school"])
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    settings.WAGTAILADMIN_BASE_URL = "https://yjj.ruian.gov.cn"
    assert set_site_address() == "https://yjj.ruian.gov.cn"
    body = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    assert len(locations) >= 4
    assert all(url.startswith("https://yjj.ruian.gov.cn/") for url in locations), locations
    assert "localhost" not in body
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: https://yjj.ruian.gov.cn/sitemap.xml" in robots.content.decode()


def test_the_command_sets_the_address_and_refuses_a_bad_one(settings):
    call_command("set_site_address", "--base-url", "http://safety.example.org:8080")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("safety.example.org", 8080, "http://safety.example.org:8080")
    with pytest.raises(CommandError):
        call_command("set_site_address", "--base-url", "safety.example.org")
    site.refresh_from_db()
    assert site.hostname == "safety.example.org"
