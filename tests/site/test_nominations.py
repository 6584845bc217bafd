"""Nominations: a staff member nominates, a reviewer decides with a comment, one action drafts the page."""
import pytest
from django.urls import reverse

from accounts.roles import EDITORS, REVIEWERS
from taxonomy.models import Venue
from units.models import ModelUnitPage, Nomination, NominationStep
from units.nominations import NominationError, approve, make_unit_draft, nominate, reject

pytestmark = pytest.mark.django_db


@pytest.fixture
def nomination(staff):
    return nominate(
        Nomination(unit_name="示例物流有限公司", venue=Venue.objects.get(code="enterprise"), township="塘下镇",
                   reasons="连续三年无事故"),
        staff("editor", EDITORS),
    )


def actions(nomination):
    return list(nomination.steps.values_list("action", "user__username", "comment"))


def test_editor_nominates_through_the_admin(client, staff):
    editor = staff("editor", EDITORS)
    client.force_login(editor)
    response = client.post(reverse("nominations:add"), {
        "unit_name": "示例小学", "venue": Venue.objects.get(code="school").pk, "township": "玉海街道", "reasons": "每月演练",
    })
    assert response.status_code == 302
    created = Nomination.objects.get(unit_name="示例小学")
    assert created.nominated_by == editor and created.status == Nomination.Status.PENDING
    assert actions(created) == [("nominated", "editor", "")]


def test_approve_then_one_action_makes_a_draft(client, nomination, staff, unit_index):
    reviewer = staff("reviewer", REVIEWERS)
    client.force_login(reviewer)
    url = reverse("nominations:review", args=(nomination.pk,))
    assert "连续三年无事故" in client.get(url).content.decode()
    client.post(url, {"action": "approve", "comment": "材料齐全，同意"})
    response = client.post(url, {"action": "draft"})
    nomination.refresh_from_db()
    page = nomination.unit_page
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert isinstance(page, ModelUnitPage) and not page.live and page.get_parent().pk == unit_index.pk
    assert page.get_latest_revision() is not None and page.venue.code == "enterprise"
    assert actions(nomination) == [
        ("nominated", "editor", ""), ("approved", "reviewer", "材料齐全，同意"), ("drafted", "reviewer", ""),
    ]
    assert all(step.at for step in nomination.steps.all())


def test_reject_needs_a_comment_and_is_recorded(nomination, staff):
    reviewer = staff("reviewer", REVIEWERS)
    with pytest.raises(NominationError):
        reject(nomination, reviewer, "  ")
    reject(nomination, reviewer, "事迹不够突出")
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.REJECTED
    assert actions(nomination)[-1] == (NominationStep.Action.REJECTED, "reviewer", "事迹不够突出")
    with pytest.raises(NominationError):
        make_unit_draft(nomination, reviewer)
    with pytest.raises(NominationError):
        approve(nomination, reviewer, "改为通过")


def test_an_editor_cannot_decide(client, nomination, staff):
    client.force_login(staff("editor2", EDITORS))
    response = client.post(reverse("nominations:review", args=(nomination.pk,)), {"action": "approve", "comment": "自批"})
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "permission denied"
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.PENDING


def test_errors_are_shown_in_chinese(client, nomination, staff):
    client.force_login(staff("reviewer", REVIEWERS))
    url = reverse("nominations:review", args=(nomination.pk,))
    response = client.post(url, {"action": "approve", "comment": ""}, follow=True)
    assert "请填写审核意见" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.PENDING


def test_the_admin_list_links_to_the_review(admin_client, nomination):
    body = admin_client.get(reverse("nominations:index")).content.decode()
    assert reverse("nominations:review", args=(nomination.pk,)) in body
