import pytest

from core.organisations import demo, lookup
from core.organisations.initials import pinyin_initials
from core.organisations.models import Region, Town, Unit


def test_initials_of_a_town():
    assert pinyin_initials("塘下镇") == "txz"
    assert pinyin_initials("A区3号") == "aq3h"


@pytest.mark.django_db
def test_lookup_by_initials_pinyin_and_chinese():
    demo.load()
    assert [town.name for town in lookup.towns("ta")] == ["塘下镇", "陶山镇"]
    assert [town.name for town in lookup.towns("tangxia")] == ["塘下镇"]
    assert [town.name for town in lookup.towns("塘下")] == ["塘下镇"]
    tangxia = Town.objects.get(name="塘下镇")
    assert {unit.name for unit in lookup.units("", town=tangxia)} == {
        "塘下镇中心小学", "瑞安市汽摩配产业园管委会", "浙江某汽车部件有限公司", "塘下镇鲍田村",
    }
    assert [unit.name for unit in lookup.units("txzzx")] == ["塘下镇中心小学"]


@pytest.mark.django_db
def test_demo_is_idempotent_and_units_have_headcounts():
    demo.load()
    counts = (Region.objects.count(), Town.objects.count(), Unit.objects.count())
    demo.load()
    assert (Region.objects.count(), Town.objects.count(), Unit.objects.count()) == counts
    assert not Unit.objects.filter(headcount=0).exists()
    assert not Unit.objects.filter(venue=None).exists()


@pytest.mark.django_db
def test_registry_in_the_admin(admin_client):
    demo.load()
    for model in ("regions", "towns", "units"):
        response = admin_client.get(f"/admin/organisations/{model}/")
        assert response.status_code == 200, model
    response = admin_client.get("/admin/organisations/units/?q=txzzx")
    assert "塘下镇中心小学" in response.content.decode()
