"""The legal review workflow (法制审核): an editor cannot publish a case; a reviewer's approval does."""
import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from core.accounts.models import User
from core.accounts.roles import EDITORS, REVIEWERS
from base.legal_review import WORKFLOW_NAME
from cases.models import ViolationCasePage
from core.taxonomy.models import CampaignArea

pytestmark = pytest.mark.django_db


def case_form(action, title="某加油站违规动火作业"):
    return nested_form_data({
        "title": title, "slug": "gas-station-hot-work", "unit_name": "示例加油站（虚构）", "unit_kind": "enterprise", "township": "塘下镇",
        "area": CampaignArea.objects.get(code="hazardous-chemicals").pk, "facts": "未经审批动火作业",
        "legal_basis": "《安全生产法》", "fine_yuan": "20000", "detained_people": "0", "decision_number": "罚〔2019〕9号",
        "decision_date": "2019-06-10", "comments": inline_formset([]), action: "1",
    })


def add_case(client, case_index, action):
    url = reverse("wagtailadmin_pages:add", args=("cases", "violationcasepage", case_index.pk))
    response = client.post(url, case_form(action))
    assert response.status_code == 302, response.content.decode()[:2000]
    return ViolationCasePage.objects.get(title="某加油站违规动火作业")


def test_the_case_index_gets_the_legal_review_workflow(case_index):
    workflow = case_index.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [REVIEWERS]


def test_an_editor_cannot_publish_a_case(client, case_index, staff):
    editor = staff("editor", EDITORS)
    client.force_login(editor)
    case = add_case(client, case_index, "action-publish")
    assert not case.live
    assert not case.permissions_for_user(editor).can_publish()
    assert client.get(case_index.url).context["totals"]["count"] == 0


def test_editor_submits_reviewer_approves_with_comment(client, case_index, staff):
    editor, reviewer = staff("editor", EDITORS), staff("reviewer", REVIEWERS)
    client.force_login(editor)
    case = add_case(client, case_index, "action-submit")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(case.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and not Page.objects.get(pk=case.pk).live
    task_state = state.current_task_state

    # The editor may not approve their own submission.
    url = reverse("wagtailadmin_pages:workflow_action", args=(case.pk, "approve", task_state.pk))
    client.post(url, {"comment": "自己批准"})
    assert not Page.objects.get(pk=case.pk).live

    client.force_login(reviewer)
    response = client.post(url, {"comment": "法制审核通过"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.current_task_state is None or state.current_task_state.status == "approved"
    assert client.get(case_index.url).context["totals"]["count"] == 1


def test_reviewer_rejects_with_comment_and_the_case_stays_offline(client, case_index, staff):
    editor, reviewer = staff("editor", EDITORS), staff("reviewer", REVIEWERS)
    client.force_login(editor)
    case = add_case(client, case_index, "action-submit")
    task_state = WorkflowState.objects.get(object_id=str(case.pk)).current_task_state
    client.force_login(reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=(case.pk, "reject", task_state.pk))
    client.post(url, {"comment": "处罚依据需补充"})
    task_state.refresh_from_db()
    assert task_state.status == "rejected" and task_state.comment == "处罚依据需补充"
    assert not Page.objects.get(pk=case.pk).live


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def approve_url(page):
    task_state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress").current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))


def test_a_reviewer_cannot_publish_a_case_alone(client, case_index, staff):
    client.force_login(staff("reviewer", REVIEWERS))
    add_url = reverse("wagtailadmin_pages:add", args=("cases", "violationcasepage", case_index.pk))
    assert 'name="action-publish"' not in client.get(add_url).content.decode()
    case = add_case(client, case_index, "action-publish")
    assert not Page.objects.get(pk=case.pk).live
    assert 'name="action-publish"' not in client.get(edit_url(case)).content.decode()
    client.post(edit_url(case), case_form("action-publish"))
    assert not Page.objects.get(pk=case.pk).live
    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={case.pk}"
    client.post(bulk, {})
    assert not Page.objects.get(pk=case.pk).live


def test_a_reviewer_cannot_approve_his_own_last_edit_another_can(client, case_index, staff):
    author, other = staff("reviewer", REVIEWERS), staff("reviewer2", REVIEWERS)
    client.force_login(author)
    case = add_case(client, case_index, "action-submit")
    client.post(approve_url(case), {"comment": "自己批准"})
    assert not Page.objects.get(pk=case.pk).live
    client.post(edit_url(case), case_form("action-workflow-action") | {"workflow-action-name": "approve"})
    assert not Page.objects.get(pk=case.pk).live

    # Approving from the editor with changes of one's own is approving one's own edit too.
    client.force_login(other)
    edited = case_form("action-workflow-action", title="某加油站违规动火作业（改）")
    client.post(edit_url(case), edited | {"workflow-action-name": "approve"})
    assert not Page.objects.get(pk=case.pk).live

    client.force_login(author)
    response = client.post(approve_url(case), {"comment": "法制审核通过"})
    assert response.status_code == 302
    case = ViolationCasePage.objects.get(pk=case.pk)
    assert case.live and case.title == "某加油站违规动火作业（改）"
    assert case.live_revision.user == other
    # Once published, the approver has no publish button on it either, nor on a later draft.
    assert 'name="action-publish"' not in client.get(edit_url(case)).content.decode()
    assert not case.permissions_for_user(author).can_publish()
    client.force_login(other)
    client.post(edit_url(case), case_form("action-save", title="未经审核的修改"))
    case = ViolationCasePage.objects.get(pk=case.pk)
    assert case.get_latest_revision().user == other and case.has_unpublished_changes
    client.force_login(author)
    assert 'name="action-publish"' not in client.get(edit_url(case)).content.decode()
    assert not case.permissions_for_user(author).can_publish()


def test_a_model_unit_page_needs_the_approval_too(client, unit_index, staff):
    from units.models import ModelUnitPage

    reviewer = staff("reviewer", REVIEWERS)
    page = ModelUnitPage(title="示范单位", unit_name="示范单位", venue_id=1, township="塘下镇", summary="无事故", live=False)
    unit_index.add_child(instance=page)
    page.save_revision(user=reviewer)
    assert not page.permissions_for_user(reviewer).can_publish()
    assert not unit_index.permissions_for_user(reviewer).can_publish_subpage()
    assert page.permissions_for_user(User.objects.create_superuser("root", password="x")).can_publish()
