"""A call for works with units, accepted entries, judges and verified voters."""
from datetime import timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from core.accounts.roles import JUDGES
from core.organisations.models import Region, Town, Unit
from core.taxonomy.models import Venue
from works.entries import Category, Entry
from works.models import Criterion, WorksCallPage


def png(name="work.png"):
    buffer = BytesIO()
    Image.new("RGB", (40, 30), (183, 28, 28)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def units(db):
    town = Town.objects.create(region=Region.objects.create(name="瑞安市"), name="塘下镇")
    school, enterprise = Venue.objects.get(code="school"), Venue.objects.get(code="enterprise")
    return [Unit.objects.create(town=town, name="塘下镇中心小学", venue=school),
            Unit.objects.create(town=town, name="某汽车部件公司", venue=enterprise)]


@pytest.fixture
def call(home):
    now = timezone.now()
    page = WorksCallPage(title="文化作品征集", slug="works", deadline=now + timedelta(days=10), entries_per_unit=2,
                         voting_opens=now - timedelta(days=1), voting_closes=now + timedelta(days=10),
                         expert_method="trimmed_mean", expert_weight=70, votes_per_address=5, captcha_after=3)
    home.add_child(instance=page)
    Criterion.objects.create(call=page, name="主题", maximum=60, sort_order=0)
    Criterion.objects.create(call=page, name="表现", maximum=40, sort_order=1)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_entry(call, units):
    def make(title="作品", unit=0, category=Category.POSTER, status=Entry.Status.ACCEPTED):
        return Entry.objects.create(call=call, unit=units[unit], title=title, category=category, authors="作者",
                                    description="说明", original=True, status=status)

    return make


@pytest.fixture
def judge(staff, call):
    """A member of the judges' group chosen for the call (`chosen=False`: only in the group)."""
    def make(username="judge", chosen=True):
        user = staff(username, JUDGES)
        if chosen:
            call.judges.add(user)
            call.save()  # a ParentalManyToManyField is written when the page is saved
        return user

    return make


@pytest.fixture
def voter(django_user_model):
    """A participant signed up by phone; `verified=False`: the number's code was never confirmed."""
    numbers = iter(range(13800000000, 13900000000))

    def make(username="voter", verified=True):
        return django_user_model.objects.create_user(username=username, phone=f"+86{next(numbers)}",
                                                     phone_verified=verified)

    return make
