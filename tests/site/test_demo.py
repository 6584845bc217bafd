"""The demo loaders build the whole site once; a second run creates nothing new."""
import pytest
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page

from ads.models import PublicServiceAd
from cases.models import ViolationCasePage
from events.models import EventPage
from news.models import ArticlePage
from units.models import ModelUnitPage

pytestmark = pytest.mark.django_db


def counts():
    return (Page.objects.count(), Image.objects.count(), PublicServiceAd.objects.count())


def test_demo_content_is_complete_and_idempotent(client):
    call_command("load_demo_content")
    first = counts()
    call_command("load_demo_content")
    assert counts() == first
    assert ArticlePage.objects.live().count() >= 8
    assert ViolationCasePage.objects.live().filter(is_demo=True).values("area").distinct().count() >= 6
    assert PublicServiceAd.objects.count() >= 4
    assert ModelUnitPage.objects.live().values("venue").distinct().count() == 7
    assert EventPage.objects.live().count() == 2
    for url in ("/", "/news/", "/cases/", "/model-units/", "/ads/", "/hazards/", "/safety-month-2019/", "/works/",
                "/works/results/", "/demo-sites/", "/bulletins/"):
        assert client.get(url).status_code == 200, url
