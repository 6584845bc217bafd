"""Listed hazards go through the 法制审核 workflow like violation cases: editors submit, the
de-identification check flags private persons' identifiers, the reviewer resolves each flag
(recorded) before his approval publishes; nobody publishes without the workflow."""
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, TaskState, WorkflowState

from base.legal_review import WORKFLOW_NAME
from core.accounts.roles import EDITORS, REVIEWERS
from core.taxonomy.models import CampaignArea
from hazards.models import ListedHazard
from publishing.deidentification import open_flags
from publishing.models import PersonalDataResolution

pytestmark = pytest.mark.django_db

PROGRESS = "经营户李建国拒不整改，联系电话13812345678。"
URLS = "wagtailsnippets_hazards_listedhazard"


def hazard_form(action, progress=PROGRESS, title="示例农贸市场消防通道堵塞"):
    today = timezone.localdate()
    return {
        "title": title, "responsible_unit": "示例市场管理公司", "township": "玉海街道",
        "area": CampaignArea.objects.get(code="fire").pk, "listed_on": today.isoformat(),
        "deadline": today.replace(year=today.year + 1).isoformat(), "status": "listed", "progress": progress,
        action: "1",
    }


@pytest.fixture
def editor(staff):
    return staff("editor", EDITORS)


@pytest.fixture
def reviewer(staff):
    return staff("reviewer", REVIEWERS)


@pytest.fixture
def submitted(client, editor, hazard_index):
    client.force_login(editor)
    response = client.post(reverse(f"{URLS}:add"), hazard_form("action-submit"), follow=True)
    return ListedHazard.objects.get(), response


def action_url(hazard, action):
    task_state = WorkflowState.objects.get(object_id=str(hazard.pk), status="in_progress").current_task_state
    return reverse(f"{URLS}:workflow_action", args=(hazard.pk, action, task_state.pk))


def test_listed_hazards_get_the_legal_review_workflow():
    workflow = ListedHazard().get_workflow()
    assert workflow.name == WORKFLOW_NAME
    assert workflow.tasks.get().specific_class.__name__ == "LegalReviewTask"


def test_a_submitted_hazard_waits_for_the_review_and_the_editor_is_told_the_flags(client, submitted, hazard_index):
    hazard, response = submitted
    body = response.content.decode()
    assert "提交审核前请检查" in body and "个人姓名 李建国" in body and "电话号码 13812345678" in body
    assert not hazard.live and hazard.workflow_in_progress
    assert [(flag.kind, flag.text) for flag in open_flags(hazard)] == [("name", "李建国"), ("phone", "13812345678")]
    client.logout()
    assert "消防通道堵塞" not in client.get(hazard_index.url).content.decode()
    assert "消防通道堵塞" not in client.get("/search/", {"q": "消防通道"}).content.decode()


def test_nobody_publishes_without_the_workflow(client, editor, reviewer, admin_user, hazard_index):
    client.force_login(editor)
    client.post(reverse(f"{URLS}:add"), hazard_form("action-publish"))
    hazard = ListedHazard.objects.get()
    assert not hazard.live
    for user in (editor, reviewer, admin_user):
        client.force_login(user)
        edit_url = reverse(f"{URLS}:edit", args=(hazard.pk,))
        assert 'name="action-publish"' not in client.get(edit_url).content.decode()
        client.post(edit_url, hazard_form("action-publish"))
        hazard.refresh_from_db()
        assert not hazard.live


def test_an_edit_of_a_live_hazard_stays_a_draft_until_approved(client, editor, make_hazard, hazard_index):
    hazard = make_hazard("示例码头堆场隐患")
    client.force_login(editor)
    client.post(reverse(f"{URLS}:edit", args=(hazard.pk,)), hazard_form("action-submit", title="示例码头堆场隐患"))
    hazard.refresh_from_db()
    assert hazard.live and hazard.progress == "" and hazard.workflow_in_progress
    client.logout()
    assert "李建国" not in client.get(hazard_index.url).content.decode()


def test_flags_block_the_approval_until_each_is_resolved_and_recorded(client, submitted, reviewer, hazard_index):
    hazard, _response = submitted
    client.force_login(reviewer)
    client.post(action_url(hazard, "approve"), {"comment": "同意"})
    hazard.refresh_from_db()
    assert not hazard.live

    modal = json.loads(client.get(action_url(hazard, "resolve_personal_data")).content)["html"]
    assert 'value="name:李建国"' in modal and 'value="phone:13812345678"' in modal
    refused = client.post(action_url(hazard, "resolve_personal_data"), {"note": ""},
                          headers={"x-requested-with": "XMLHttpRequest"})
    assert "请勾选您已核实的每一项" in json.loads(refused.content)["html"]
    assert not PersonalDataResolution.objects.exists()

    client.post(action_url(hazard, "resolve_personal_data"), {"flags": ["phone:13812345678"], "note": "市场管理公司值班电话"})
    client.post(action_url(hazard, "approve"), {"comment": "同意"})
    hazard.refresh_from_db()
    assert not hazard.live and [flag.text for flag in open_flags(hazard)] == ["李建国"]

    client.post(action_url(hazard, "resolve_personal_data"), {"flags": ["name:李建国"], "note": "李建国为市场负责人，以职务公开"})
    assert open_flags(hazard) == []
    assert set(PersonalDataResolution.objects.values_list("text", "resolved_by__username")) == {
        ("13812345678", "reviewer"), ("李建国", "reviewer")}
    logged = ModelLogEntry.objects.for_instance(hazard).filter(action="publishing.resolve_personal_data")
    assert logged.count() == 2 and {entry.user for entry in logged} == {reviewer}

    assert client.post(action_url(hazard, "approve"), {"comment": "法制审核通过"}).status_code == 302
    hazard.refresh_from_db()
    assert hazard.live and hazard.progress == PROGRESS
    client.logout()
    assert "示例农贸市场消防通道堵塞" in client.get(hazard_index.url).content.decode()


def test_a_masked_resubmission_has_no_flags_and_the_editor_cannot_approve(client, submitted, editor, reviewer):
    hazard, _response = submitted
    client.force_login(reviewer)
    client.post(action_url(hazard, "reject"), {"comment": "请隐去姓名和电话"})
    client.force_login(editor)
    edit_url = reverse(f"{URLS}:edit", args=(hazard.pk,))
    response = client.post(edit_url, hazard_form("action-restart-workflow", progress="经营户拒不整改，已立案查处。"))
    assert response.status_code == 302, response.content.decode()[:2000]
    hazard.refresh_from_db()
    assert open_flags(hazard) == []
    client.post(action_url(hazard, "approve"), {"comment": "自己批准"})
    hazard.refresh_from_db()
    assert not hazard.live
    assert hazard.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS
