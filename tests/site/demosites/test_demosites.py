"""Checklist scoring, applications with a self-assessment, inspections on a phone form, the directory."""
from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from core.organisations.models import Region, Town, Unit
from core.taxonomy.models import Venue
from demosites import scoring
from demosites.checklist import Application, ChecklistItem, Inspection, Outcome
from demosites.models import DemoSiteIndexPage

pytestmark = pytest.mark.django_db


def photo(name="site.png"):
    buffer = BytesIO()
    Image.new("RGB", (30, 20), (0, 96, 100)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_checklist_total_and_outcome():
    items = [(1, 40), (2, 30), (3, 30)]
    assert scoring.total(items, {1: 40, 2: 25, 3: 15}) == 80
    with pytest.raises(scoring.ChecklistError):
        scoring.total(items, {1: 41, 2: 0, 3: 0})
    with pytest.raises(scoring.ChecklistError):
        scoring.total(items, {1: 40, 2: 30})
    assert scoring.outcome(80, 100, 80, 60) == "passed"
    assert scoring.outcome(79, 100, 80, 60) == "recheck"
    assert scoring.outcome(60, 100, 80, 60) == "recheck"
    assert scoring.outcome(59, 100, 80, 60) == "failed"
    assert scoring.outcome(45, 50, 85, 60) == "passed"  # 90 %


@pytest.fixture
def sites_page(home):
    page = DemoSiteIndexPage(title="宣教示范点", slug="demo-sites", pass_percent=80, recheck_percent=60)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def items(db):
    return [ChecklistItem.objects.create(text="宣教场所", points=50, sort_order=0),
            ChecklistItem.objects.create(text="讲解员", points=50, sort_order=1)]


@pytest.fixture
def unit(db):
    town = Town.objects.create(region=Region.objects.create(name="瑞安市"), name="塘下镇")
    return Unit.objects.create(town=town, name="塘下镇中心小学", venue=Venue.objects.get(code="school"))


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_unit_applies_with_photos_and_a_self_assessment(sites_page, items, unit, django_user_model):
    client = signed_in(django_user_model.objects.create_user("applicant", password="x-Secret-2019"))
    data = {"unit": unit.pk, "venue": unit.venue.pk, "description": "科普馆",
            f"item_{items[0].pk}": 45, f"item_{items[1].pk}": 40, "photos": [photo("a.png"), photo("b.png")]}
    too_high = client.post(sites_page.url + "apply/", {**data, f"item_{items[0].pk}": 51, "photos": [photo()]})
    assert too_high.status_code == 200 and not Application.objects.exists()
    response = client.post(sites_page.url + "apply/", data)
    assert response.status_code == 302, response.context["form"].errors
    application = Application.objects.get()
    assert application.self_score == 85 and application.photos.count() == 2
    assert application.outcome == Outcome.PENDING
    again = client.post(sites_page.url + "apply/", {**data, "photos": [photo()]})
    assert "已申报过" in again.content.decode() and Application.objects.count() == 1


def test_an_inspector_scores_the_visit_and_a_pass_puts_the_site_in_the_directory(
        sites_page, items, unit, django_user_model):
    application = Application.objects.create(unit=unit, venue=unit.venue, description="科普馆")
    outsider = signed_in(django_user_model.objects.create_user("outsider", password="x-Secret-2019"))
    url = sites_page.url + f"inspections/{application.pk}/"
    assert outsider.get(url).status_code == 403

    inspector = django_user_model.objects.create_user("inspector", password="x-Secret-2019")
    inspector.groups.add(Group.objects.get(name="检查员 Inspectors"))
    client = signed_in(inspector)
    assert "塘下镇中心小学" in client.get(sites_page.url + "inspections/").content.decode()
    data = {"visited_on": "2026-11-20", "notes": "消防器材过期", f"item_{items[0].pk}": 40, f"item_{items[1].pk}": 30,
            f"photo_{items[0].pk}": photo()}
    client.post(url, data)
    inspection = Inspection.objects.get()
    assert (inspection.total, inspection.full_marks, inspection.outcome) == (70, 100, Outcome.RECHECK)
    assert inspection.scores.get(item=items[0]).photo.name.endswith(".png")
    assert "塘下镇中心小学" not in Client().get(sites_page.url).content.decode()

    client.post(url, {**data, f"item_{items[1].pk}": 45, f"photo_{items[0].pk}": ""})
    application.refresh_from_db()
    assert application.outcome == Outcome.PASSED and application.inspections.count() == 2
    directory = Client().get(sites_page.url)
    assert "塘下镇中心小学" in directory.content.decode()
    assert "塘下镇中心小学" in Client().get(sites_page.url + f"?town={unit.town.pk}&venue=school").content.decode()
    assert "塘下镇中心小学" not in Client().get(sites_page.url + "?venue=enterprise").content.decode()


def test_the_directory_links_to_the_model_unit_page(sites_page, unit, home):
    Application.objects.create(unit=unit, venue=unit.venue, description="科普馆", outcome=Outcome.PASSED,
                               model_unit_page=home)
    assert f'href="{home.url}"' in Client().get(sites_page.url).content.decode()
