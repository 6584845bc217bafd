"""Builders of the reports tests: two towns with a handler each, a dispatcher, the public pages,
a real JPEG with GPS EXIF and a rotation."""
from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import Page

from core.organisations.models import Region, Town
from core.taxonomy.models import CampaignArea
from reports.models import ReportsPage, SupervisorCallPage
from reports.hazard_reports import TownHandler
from reports.scoping import DISPATCHERS_GROUP, HANDLERS_GROUP

PASSWORD = "x-Secret-2019"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def towns(db):
    region, _new = Region.objects.get_or_create(name="瑞安市")
    return (Town.objects.create(region=region, name="塘下镇"), Town.objects.create(region=region, name="玉海街道"))


@pytest.fixture
def fire(db):
    return CampaignArea.objects.get(code="fire")


@pytest.fixture
def staff(django_user_model):
    def make(username, group, towns=()):
        user = django_user_model.objects.create_user(username=username, password=PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        for town in towns:
            TownHandler.objects.create(user=user, town=town)
        return user

    return make


@pytest.fixture
def handlers(staff, towns):
    """(handler of 塘下镇, handler of 玉海街道)"""
    return staff("tangxia", HANDLERS_GROUP, [towns[0]]), staff("yuhai", HANDLERS_GROUP, [towns[1]])


@pytest.fixture
def dispatcher(staff):
    return staff("dispatcher", DISPATCHERS_GROUP)


def publish(page):
    Page.objects.get(depth=2).add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def reports_page(db):
    return publish(ReportsPage(title="随手拍", slug="report"))


@pytest.fixture
def call_page(db):
    return publish(SupervisorCallPage(title="社会监督员", slug="supervisors", requirements="<p>年满18周岁</p>",
                                      issuer="瑞安市安委办"))


def gps_jpeg(size=(64, 32), orientation=6, colour=(200, 30, 30)):
    """A real JPEG whose EXIF holds a GPS position (the reporter's home) and a rotation."""
    picture = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation: 6 = rotate 90° clockwise to view
    exif[0x010F] = "TestPhone"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (27.0, 46.0, 55.5)
    gps[3], gps[4] = "E", (120.0, 38.0, 12.25)
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


@pytest.fixture
def photo():
    def make(name="hazard.jpg", **kwargs):
        return SimpleUploadedFile(name, gps_jpeg(**kwargs), content_type="image/jpeg")

    return make


@pytest.fixture
def report_data(towns, fire):
    def make(**overrides):
        data = {"area": fire.pk, "town": towns[0].pk, "place": "塘下镇某厂房后门", "description": "消防通道被货物堵塞",
                "phone": "13812345678", "consent": "on"}
        data.update(overrides)
        return data

    return make
