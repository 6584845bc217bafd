"""Builders of the CMS's pages for the site tests."""
from datetime import date, timedelta
from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images.models import Image

from ads.models import AdGalleryPage, PublicServiceAd
from base.models import HomePage
from cases.models import CaseIndexPage, ViolationCasePage
from events.models import EventPage
from hazards.models import HazardIndexPage, ListedHazard
from news.models import ArticleIndexPage, ArticlePage
from core.taxonomy.models import CampaignArea, Venue
from units.models import ModelUnitIndexPage, ModelUnitPage


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def staff(django_user_model):
    """Makes a staff user in one of the role groups."""
    def make(username, group):
        user = django_user_model.objects.create_user(username=username, password="x-Secret-2019")
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def home(db):
    return HomePage.objects.get(depth=2)


@pytest.fixture
def image(db):
    buffer = BytesIO()
    PillowImage.new("RGB", (160, 90), (183, 28, 28)).save(buffer, format="PNG")
    return Image.objects.create(title="测试图片", description="红色测试图片", file=ImageFile(buffer, name="test.png"))


def add(parent, page):
    parent.add_child(instance=page)
    return page


@pytest.fixture
def news_index(home):
    return add(home, ArticleIndexPage(title="新闻动态", slug="news"))


@pytest.fixture
def case_index(home):
    return add(home, CaseIndexPage(title="典型案例曝光", slug="cases"))


@pytest.fixture
def unit_index(home):
    return add(home, ModelUnitIndexPage(title="先进典型", slug="model-units"))


@pytest.fixture
def make_article(news_index):
    def make(title="新闻", day=date(2019, 6, 16), venues=(), areas=(), body="", **fields):
        page = ArticlePage(title=title, date=day, body=[("paragraph", f"<p>{body or title}</p>")], **fields)
        add(news_index, page)
        page.venues.set(Venue.objects.filter(code__in=venues))
        page.areas.set(CampaignArea.objects.filter(code__in=areas))
        page.save()
        return page

    return make


@pytest.fixture
def make_case(case_index):
    def make(title="案例", area="fire", township="塘下镇", day=date(2019, 6, 5), fine=1000, **fields):
        fields = {"unit_name": "示例公司", "unit_kind": "enterprise", "facts": title, "legal_basis": "安全生产法",
                  "decision_number": "罚〔2019〕1号", **fields}
        return add(case_index, ViolationCasePage(
            title=title, area=CampaignArea.objects.get(code=area), township=township, decision_date=day,
            fine_yuan=fine, **fields,
        ))

    return make


@pytest.fixture
def make_unit(unit_index):
    def make(title="示范单位", venue="school", **fields):
        return add(unit_index, ModelUnitPage(
            title=title, unit_name=title, venue=Venue.objects.get(code=venue), township="玉海街道",
            summary=fields.pop("summary", "开展应急演练"), **fields,
        ))

    return make


@pytest.fixture
def make_event(home):
    def make(title="咨询日", days_ahead=3, **fields):
        start = timezone.now() + timedelta(days=days_ahead)
        return add(home, EventPage(title=title, start=start, end=start + timedelta(hours=3), place="人民广场", **fields))

    return make


@pytest.fixture
def ad_gallery(home):
    return add(home, AdGalleryPage(title="公益广告", slug="ads"))


@pytest.fixture
def make_ad(db):
    def make(title="公益广告", starts=-1, ends=10, **fields):
        today = timezone.localdate()
        return PublicServiceAd.objects.create(
            title=title, slogan="生命至上", starts_on=today + timedelta(days=starts),
            ends_on=today + timedelta(days=ends), shown_at="户外大屏", **{"video_url": "https://example.org/v", **fields},
        )

    return make


@pytest.fixture
def hazard_index(home):
    return add(home, HazardIndexPage(title="挂牌督办", slug="hazards"))


@pytest.fixture
def make_hazard(db):
    def make(title="隐患", deadline=10, status=ListedHazard.Status.LISTED):
        today = timezone.localdate()
        return ListedHazard.objects.create(
            title=title, responsible_unit="示例公司", township="塘下镇", area=CampaignArea.objects.get(code="fire"),
            listed_on=today - timedelta(days=30), deadline=today + timedelta(days=deadline), status=status,
        )

    return make



@pytest.fixture
def seeded_site(transactional_db):
    """The home page the data migrations create (restored by tests/conftest.py after a flush)."""
    return HomePage.objects.get(depth=2)
