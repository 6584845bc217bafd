"""Nominations go through the 法制审核 workflow in the admin: editors submit, reviewers decide with a
comment, every step is logged with who and when, and approval drafts the unit's page once."""
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection, ModelLogEntry, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from core.accounts.roles import EDITORS, REVIEWERS
from base.legal_review import WORKFLOW_NAME
from core.taxonomy.models import Venue
from units.models import ModelUnitPage, Nomination

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(staff):
    return staff("editor", EDITORS)


@pytest.fixture
def reviewer(staff):
    return staff("reviewer", REVIEWERS)


def document(title):
    return Document.objects.create(title=title, file=ContentFile(b"%PDF-1.4 demo", name=f"{title}.pdf"))


def nomination_form(action, documents=(), unit_name="示例物流有限公司", reasons="连续三年无事故"):
    return nested_form_data({
        "unit_name": unit_name, "venue": Venue.objects.get(code="enterprise").pk, "township": "塘下镇",
        "reasons": reasons, "attachments": inline_formset([{"document": doc.pk} for doc in documents]),
        action: "1",
    })


def submit(client, editor, documents=()):
    client.force_login(editor)
    response = client.post(reverse("nominations:add"), nomination_form("action-submit", documents))
    assert response.status_code == 302, response.content.decode()[:3000]
    return Nomination.objects.get(unit_name="示例物流有限公司")


def decide(client, nomination, action, comment):
    task_state = nomination.current_workflow_task_state
    url = reverse("nominations:workflow_action", args=(nomination.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def logged(nomination):
    entries = ModelLogEntry.objects.for_instance(nomination).order_by("timestamp", "pk")
    assert all(entry.timestamp for entry in entries)
    return [(entry.action, entry.user.username if entry.user else None) for entry in entries]


def test_nominations_get_the_legal_review_workflow():
    workflow = Nomination().get_workflow()
    assert workflow.name == WORKFLOW_NAME
    assert list(workflow.tasks.get().specific.groups.values_list("name", flat=True)) == [REVIEWERS]


def test_an_editor_submits_with_several_attachments(client, editor):
    rules, photos = document("安全管理制度"), document("现场照片说明")
    nomination = submit(client, editor, documents=[rules, photos])
    assert nomination.nominated_by == editor and not nomination.live
    assert [a.document for a in nomination.attachments.all()] == [rules, photos]
    state = WorkflowState.objects.get(base_content_type__model="nomination", object_id=str(nomination.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == editor
    assert logged(nomination) == [("wagtail.create", "editor"), ("wagtail.workflow.start", "editor")]


def test_an_editor_can_neither_publish_nor_approve(client, editor, unit_index):
    client.force_login(editor)
    response = client.post(reverse("nominations:add"), nomination_form("action-publish"))
    assert response.status_code == 302
    drafted = Nomination.objects.get()
    assert not drafted.live and not drafted.workflow_in_progress
    drafted.delete()

    nomination = submit(client, editor)
    response = decide(client, nomination, "approve", "自己批准")
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "permission denied"
    nomination.refresh_from_db()
    assert not nomination.live and nomination.workflow_in_progress and nomination.unit_page is None


def test_reviewer_approves_with_a_comment_and_the_page_is_drafted_once(client, editor, reviewer, unit_index):
    nomination = submit(client, editor)
    client.force_login(reviewer)
    assert decide(client, nomination, "approve", "材料齐全，同意").status_code == 302
    nomination.refresh_from_db()
    assert nomination.live and not nomination.workflow_in_progress
    task_state = TaskState.objects.get(workflow_state__object_id=str(nomination.pk))
    assert (task_state.status, task_state.comment, task_state.finished_by) == ("approved", "材料齐全，同意", reviewer)

    page = nomination.unit_page
    assert isinstance(page, ModelUnitPage) and not page.live and page.get_parent().pk == unit_index.pk
    assert (page.unit_name, page.venue.code, page.summary, page.owner) == ("示例物流有限公司", "enterprise", "连续三年无事故", reviewer)
    assert page.get_latest_revision() is not None
    assert logged(nomination)[-3:] == [
        ("wagtail.workflow.approve", "reviewer"), ("wagtail.publish", "reviewer"), ("units.nomination.drafted", "reviewer"),
    ]

    # Edited, resubmitted and approved again: still the one page.
    client.force_login(editor)
    edit_url = reverse("nominations:edit", args=(nomination.pk,))
    response = client.post(edit_url, nomination_form("action-submit", reasons="连续四年无事故"))
    assert response.status_code == 302, response.content.decode()[:3000]
    nomination.refresh_from_db()
    client.force_login(reviewer)
    decide(client, nomination, "approve", "同意更新")
    nomination.refresh_from_db()
    assert nomination.reasons == "连续四年无事故" and nomination.unit_page == page
    assert ModelUnitPage.objects.count() == 1


def test_reviewer_rejects_with_a_comment(client, editor, reviewer, unit_index):
    nomination = submit(client, editor)
    client.force_login(reviewer)
    decide(client, nomination, "reject", "事迹不够突出")
    nomination.refresh_from_db()
    task_state = TaskState.objects.get(workflow_state__object_id=str(nomination.pk))
    assert (task_state.status, task_state.comment, task_state.finished_by) == ("rejected", "事迹不够突出", reviewer)
    assert not nomination.live and nomination.unit_page is None and not ModelUnitPage.objects.exists()
    assert logged(nomination)[-1] == ("wagtail.workflow.reject", "reviewer")


def test_the_history_shows_who_did_what(client, editor, reviewer, unit_index):
    nomination = submit(client, editor)
    client.force_login(reviewer)
    decide(client, nomination, "approve", "材料齐全，同意")
    body = client.get(reverse("nominations:history", args=(nomination.pk,))).content.decode()
    assert "editor" in body and "reviewer" in body and "已生成先进典型草稿" in body
    body = client.get(reverse("nominations:workflow_history", args=(nomination.pk,))).content.decode()
    assert WORKFLOW_NAME in body and "reviewer" in body


def test_attachments_are_uploaded_under_the_document_rules(client, editor):
    client.force_login(editor)
    root = Collection.get_first_root_node().pk
    refused = client.post(reverse("wagtaildocs:add"), {
        "title": "程序", "file": SimpleUploadedFile("setup.exe", b"MZ"), "collection": root,
    })
    assert refused.status_code == 200 and refused.context["form"].errors["file"]
    accepted = client.post(reverse("wagtaildocs:add"), {
        "title": "事迹材料", "file": SimpleUploadedFile("story.pdf", b"%PDF-1.4"), "collection": root,
    })
    assert accepted.status_code == 302
    nomination = submit(client, editor, documents=Document.objects.all())
    assert [a.document.title for a in nomination.attachments.all()] == ["事迹材料"]


def test_nobody_publishes_without_the_workflow(client, editor, reviewer, admin_user, unit_index):
    nomination = submit(client, editor)
    for user in (reviewer, admin_user):
        client.force_login(user)
        edit_url = reverse("nominations:edit", args=(nomination.pk,))
        assert 'name="action-publish"' not in client.get(edit_url).content.decode()
        client.post(edit_url, nomination_form("action-publish"))
        nomination.refresh_from_db()
        assert not nomination.live and nomination.unit_page is None


def test_the_admin_list_shows_nominations(client, editor, reviewer):
    submit(client, editor)
    client.force_login(reviewer)
    body = client.get(reverse("nominations:list")).content.decode()
    assert "示例物流有限公司" in body and reverse("nominations:edit", args=(Nomination.objects.get().pk,)) in body


def test_a_reviewer_cannot_approve_his_own_nomination_another_can(client, reviewer, staff, unit_index):
    nomination = submit(client, reviewer)
    edit_url = reverse("nominations:edit", args=(nomination.pk,))
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()
    decide(client, nomination, "approve", "自己批准")
    client.post(edit_url, nomination_form("action-workflow-action") | {"workflow-action-name": "approve"})
    nomination.refresh_from_db()
    assert not nomination.live and nomination.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS

    client.force_login(staff("reviewer2", REVIEWERS))
    assert decide(client, nomination, "approve", "同意").status_code == 302
    nomination.refresh_from_db()
    assert nomination.live and nomination.unit_page is not None
