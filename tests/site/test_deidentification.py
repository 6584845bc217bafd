"""The de-identification check of the legal review: a case naming a private person or giving an
ID-card or phone number cannot be approved until the reviewer resolves each flag."""
import json

import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cases.models import ViolationCasePage
from core.accounts.roles import EDITORS, REVIEWERS
from core.taxonomy.models import CampaignArea
from publishing.deidentification import open_flags
from publishing.models import PersonalDataResolution

pytestmark = pytest.mark.django_db

FACTS = "负责人张三擅自在店内储存液化气，联系电话13812345678。"


def case_form(action, facts=FACTS):
    return nested_form_data({
        "title": "某餐馆违规储存液化气", "slug": "restaurant-lpg", "unit_name": "示例餐馆（虚构）",
        "unit_kind": "shop", "township": "塘下镇", "area": CampaignArea.objects.get(code="fire").pk,
        "facts": facts, "legal_basis": "《消防法》", "fine_yuan": "5000", "detained_people": "0",
        "decision_number": "罚〔2019〕21号", "decision_date": "2019-06-10", "comments": inline_formset([]), action: "1",
    })


@pytest.fixture
def submitted(client, case_index, staff):
    """A case submitted by an editor; the client then logged in as a reviewer."""
    editor, reviewer = staff("editor", EDITORS), staff("reviewer", REVIEWERS)
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("cases", "violationcasepage", case_index.pk))
    response = client.post(url, case_form("action-submit"), follow=True)
    case = ViolationCasePage.objects.get(slug="restaurant-lpg")
    client.force_login(reviewer)
    return case, response, reviewer


def task_state_of(case):
    return WorkflowState.objects.get(object_id=str(case.pk), status="in_progress").current_task_state


def action_url(case, action):
    return reverse("wagtailadmin_pages:workflow_action", args=(case.pk, action, task_state_of(case).pk))


def test_the_editor_is_told_what_the_reviewer_will_check(submitted):
    _case, response, _reviewer = submitted
    body = response.content.decode()
    assert "提交审核前请检查" in body and "姓名 张三（事实）" not in body
    assert "个人姓名 张三" in body and "电话号码 13812345678" in body


def test_flags_block_the_approval(client, submitted):
    case, _response, _reviewer = submitted
    assert [(flag.kind, flag.text) for flag in open_flags(case)] == [("name", "张三"), ("phone", "13812345678")]
    actions = task_state_of(case).task.specific.get_actions(case, _reviewer)
    assert "approve" not in [name for name, _label, _modal in actions]
    assert ("resolve_personal_data", "处理个人信息标记", True) in [(n, str(label), m) for n, label, m in actions]
    client.post(action_url(case, "approve"), {"comment": "同意"})
    assert not Page.objects.get(pk=case.pk).live


def test_the_reviewer_sees_each_flag_in_the_modal(client, submitted):
    case, _response, _reviewer = submitted
    response = client.get(action_url(case, "resolve_personal_data"))
    html = json.loads(response.content)["html"]
    assert 'value="name:张三"' in html and 'value="phone:13812345678"' in html
    assert "个人姓名：<strong>张三</strong>（违法事实）" in html


def test_resolving_needs_a_tick_and_a_reason(client, submitted):
    case, _response, _reviewer = submitted
    response = client.post(action_url(case, "resolve_personal_data"), {"note": ""},
                           headers={"x-requested-with": "XMLHttpRequest"})
    html = json.loads(response.content)["html"]
    assert "请勾选您已核实的每一项" in html and "请说明所勾选的内容可以公开的理由" in html
    assert not PersonalDataResolution.objects.exists()


def test_each_flag_resolved_is_recorded_then_the_approval_publishes(client, submitted):
    case, _response, reviewer = submitted
    client.post(action_url(case, "resolve_personal_data"), {"flags": ["phone:13812345678"], "note": "餐馆对外公开的订餐电话"})
    resolution = PersonalDataResolution.objects.get()
    assert (resolution.kind, resolution.text, resolution.resolved_by, resolution.note) == (
        "phone", "13812345678", reviewer, "餐馆对外公开的订餐电话")
    assert [flag.text for flag in open_flags(case)] == ["张三"]
    client.post(action_url(case, "approve"), {"comment": "同意"})
    assert not Page.objects.get(pk=case.pk).live

    client.post(action_url(case, "resolve_personal_data"), {"flags": ["name:张三"], "note": "张三为公职人员，以职务公开"})
    assert open_flags(case) == []
    entries = PageLogEntry.objects.filter(page=case, action="publishing.resolve_personal_data").order_by("pk")
    assert [entry.data["flags"][0]["text"] for entry in entries] == ["13812345678", "张三"]
    assert {entry.user for entry in entries} == {reviewer}
    response = client.post(action_url(case, "approve"), {"comment": "法制审核通过"})
    assert response.status_code == 302
    assert Page.objects.get(pk=case.pk).live


def test_a_masked_resubmission_has_no_flags(client, submitted, django_user_model):
    case, _response, _reviewer = submitted
    client.post(action_url(case, "reject"), {"comment": "请隐去姓名和电话"})
    client.force_login(django_user_model.objects.get(username="editor"))
    edit = reverse("wagtailadmin_pages:edit", args=(case.pk,))
    response = client.post(edit, case_form("action-submit", facts="负责人张某擅自在店内储存液化气。"))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert open_flags(ViolationCasePage.objects.get(pk=case.pk)) == []
    assert task_state_of(case).status == "in_progress"
