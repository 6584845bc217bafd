"""Unit membership: a person asks to join a unit; the unit's contact or staff verify; nobody else."""
import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from core.accounts.roles import EDITORS
from core.organisations import membership
from core.organisations.models import Membership, Region, Town, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def units(db):
    town = Town.objects.create(region=Region.objects.create(name="瑞安市"), name="塘下镇")
    return [Unit.objects.create(town=town, name="塘下镇中心小学"), Unit.objects.create(town=town, name="某汽车部件公司")]


@pytest.fixture
def person(django_user_model):
    def make(username):
        return django_user_model.objects.create_user(username=username, password="x-Secret-2019")

    return make


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_request_verified_by_the_units_contact(units, person):
    contact, newcomer = person("contact"), person("newcomer")
    Membership.objects.create(user=contact, unit=units[0], status=Membership.Status.VERIFIED, contact=True)
    response = signed_in(newcomer).post(reverse("organisations:membership"), {"unit": units[0].pk}, follow=True)
    assert "申请已提交" in response.content.decode()
    request = Membership.objects.get(user=newcomer)
    assert request.status == Membership.Status.PENDING and not membership.is_verified_member(newcomer, units[0])

    page = signed_in(contact).get(reverse("organisations:membership_requests")).content.decode()
    assert "newcomer" in page
    signed_in(contact).post(reverse("organisations:membership_decide", args=(request.pk,)), {"decision": "verify"})
    request.refresh_from_db()
    assert request.status == Membership.Status.VERIFIED and request.decided_by == contact
    assert list(membership.verified_units(newcomer)) == [units[0]]
    assert ModelLogEntry.objects.filter(action=membership.DECIDE_ACTION, user=contact).exists()


def test_nobody_else_decides(units, person):
    other_contact, plain, newcomer = person("other-contact"), person("plain"), person("newcomer")
    Membership.objects.create(user=other_contact, unit=units[1], status=Membership.Status.VERIFIED, contact=True)
    Membership.objects.create(user=plain, unit=units[0], status=Membership.Status.VERIFIED)
    request = membership.request(newcomer, units[0])
    decide = reverse("organisations:membership_decide", args=(request.pk,))
    for user in (other_contact, plain, newcomer):  # another unit's contact, a plain member, oneself
        assert signed_in(user).post(decide, {"decision": "verify"}).status_code == 403
    assert signed_in(plain).get(reverse("organisations:membership_requests")).status_code == 403
    request.refresh_from_db()
    assert request.status == Membership.Status.PENDING
    # Staff never decide their own request either.
    editor = person("editor")
    editor.groups.add(Group.objects.get(name=EDITORS))
    with pytest.raises(PermissionDenied):
        membership.decide(membership.request(editor, units[0]), True, editor)


def test_staff_decide_on_the_page_and_in_the_admin(units, person):
    editor, newcomer = person("editor"), person("newcomer")
    editor.groups.add(Group.objects.get(name=EDITORS))
    request = membership.request(newcomer, units[1])
    client = signed_in(editor)
    client.post(reverse("organisations:membership_decide", args=(request.pk,)), {"decision": "refuse"})
    request.refresh_from_db()
    assert request.status == Membership.Status.REFUSED
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    listing = client.get("/admin/organisations/memberships/").content.decode()
    assert "newcomer" in listing
    # Refused: the person may ask again; a pending request is not doubled.
    again = membership.request(newcomer, units[1])
    assert again.pk == request.pk and again.status == Membership.Status.PENDING
    response = signed_in(newcomer).post(reverse("organisations:membership"), {"unit": units[1].pk})
    assert "您已申请加入该单位" in response.content.decode()
    assert Membership.objects.filter(user=newcomer).count() == 1
