"""The staff side through real admin POSTs: the full lifecycle, escalation, scoping by town,
phone masking, the rewards export, retention, the monthly counts."""
from datetime import timedelta
from io import BytesIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from base.models import HomePage
from core.accounts.roles import REVIEWERS
from hazards.models import HazardIndexPage, ListedHazard
from publishing.deidentification import open_flags
from reports.hazard_reports import Report, ReportEvent, Status

from .conftest import PASSWORD


@pytest.fixture
def report(client, reports_page, report_data):
    client.post(reports_page.url, report_data(description="=HYPERLINK(\"http://x\")"))
    client.logout()
    return Report.objects.get()


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def step(client, report, name, **fields):
    data = {f"{name}-{key}": value for key, value in fields.items()}
    return client.post(f"/admin/reports_triage/edit/{report.pk}/{name}/", data)


def test_the_full_lifecycle_through_admin_posts(client, report, handlers, dispatcher, photo):
    tangxia, _yuhai = handlers
    login(client, dispatcher)
    assert report.number in client.get("/admin/reports_triage/").content.decode()
    assert step(client, report, "verify", note="派员核查").status_code == 302
    assert step(client, report, "route", town=report.town.pk, handler=tangxia.pk, note="请处理").status_code == 302
    report.refresh_from_db()
    assert report.status == Status.ROUTED and report.handler == tangxia
    client.logout()
    login(client, tangxia)
    assert step(client, report, "rectify", note="已责令整改").status_code == 302
    # Closing needs a note and photos: refused without photos, nothing lost.
    refused = step(client, report, "close", note="已整改")
    assert refused.status_code == 400
    report.refresh_from_db()
    assert report.status == Status.RECTIFYING
    response = client.post(f"/admin/reports_triage/edit/{report.pk}/close/",
                           {"close-note": "已清理通道，复查合格", "close-photos": [photo("after.jpg")]})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.RECTIFIED and report.closed_at
    client.logout()
    login(client, dispatcher)
    assert step(client, report, "reward", amount="200", note="有奖举报").status_code == 302
    report.refresh_from_db()
    assert report.reward == 200
    events = list(report.events.values_list("kind", "status", "actor__username"))
    assert events == [
        ("submitted", "received", None), ("verifying", "verifying", "dispatcher"), ("routed", "routed", "dispatcher"),
        ("rectifying", "rectifying", "tangxia"), ("rectified", "rectified", "tangxia"), ("rewarded", "rectified", "dispatcher"),
    ]
    proof = ReportEvent.objects.get(kind="rectified").photos.get()
    assert proof.report == report
    public = client.get(f"/report/status/{report.secret}/").content.decode()
    assert proof.thumbnail.url in public and "200" in public


def test_a_step_from_the_wrong_status_is_refused_and_recorded_nowhere(client, report, dispatcher):
    login(client, dispatcher)
    step(client, report, "close", note="x")
    step(client, report, "reward", amount="10")
    assert step(client, report, "rectify", note="too early").status_code == 302
    report.refresh_from_db()
    assert report.status == Status.RECEIVED and report.events.count() == 1


def test_escalation_makes_a_listed_hazard_linked_both_ways(client, report, dispatcher):
    login(client, dispatcher)
    step(client, report, "verify")
    deadline = timezone.localdate() + timedelta(days=20)
    assert step(client, report, "escalate", title="某厂房消防通道堵塞", responsible_unit="某公司",
                deadline=deadline.isoformat()).status_code == 302
    report.refresh_from_db()
    hazard = ListedHazard.objects.get()
    assert report.hazard == hazard and hazard.report == report
    assert hazard.deadline == deadline and hazard.township == "塘下镇" and report.number in hazard.progress
    assert report.status == Status.RECTIFYING
    hazards_page = client.get(f"/report/status/{report.secret}/").content.decode()
    assert deadline.strftime("%Y-%m-%d") in hazards_page


def approve(client, hazard, reviewer):
    login(client, reviewer)
    task_state = hazard.current_workflow_task_state
    url = reverse("wagtailsnippets_hazards_listedhazard:workflow_action", args=(hazard.pk, "approve", task_state.pk))
    return client.post(url, {"comment": "同意"})


def test_an_escalated_hazard_and_its_delisting_go_public_through_the_legal_review(
        client, report, dispatcher, staff, photo):
    """The listing and the delisting are revisions under 法制审核 (with its de-identification
    check): public once a reviewer approves, not before."""
    hazards_page = HazardIndexPage(title="挂牌督办", slug="hazards")
    HomePage.objects.get(depth=2).add_child(instance=hazards_page)
    login(client, dispatcher)
    step(client, report, "verify")
    step(client, report, "escalate", title="某厂房消防通道堵塞", responsible_unit="个体户王建华",
         deadline=(timezone.localdate() + timedelta(days=20)).isoformat())
    hazard = ListedHazard.objects.get()
    assert not hazard.live and hazard.workflow_in_progress and hazard.get_latest_revision().user == dispatcher
    assert [flag.text for flag in open_flags(hazard)] == ["王建华"]
    client.logout()
    assert "某厂房消防通道堵塞" not in client.get(hazards_page.url).content.decode()

    reviewer = staff("reviewer", REVIEWERS)
    approve(client, hazard, reviewer)
    hazard.refresh_from_db()
    assert not hazard.live  # the flag is open
    task_state = hazard.current_workflow_task_state
    client.post(reverse("wagtailsnippets_hazards_listedhazard:workflow_action",
                        args=(hazard.pk, "resolve_personal_data", task_state.pk)),
                {"flags": ["name:王建华"], "note": "个体工商户字号，依法公示"})
    assert approve(client, hazard, reviewer).status_code == 302
    hazard.refresh_from_db()
    assert hazard.live and hazard.status == ListedHazard.Status.RECTIFYING
    client.logout()
    assert "某厂房消防通道堵塞" in client.get(hazards_page.url).content.decode()

    login(client, dispatcher)
    client.post(f"/admin/reports_triage/edit/{report.pk}/close/",
                {"close-note": "已清理通道，复查合格", "close-photos": [photo("after.jpg")]})
    report.refresh_from_db()
    hazard.refresh_from_db()
    assert report.status == Status.RECTIFIED
    assert hazard.status == ListedHazard.Status.RECTIFYING and hazard.workflow_in_progress
    assert approve(client, hazard, reviewer).status_code == 302
    hazard.refresh_from_db()
    assert hazard.status == ListedHazard.Status.RECTIFIED and "复查合格" in hazard.progress


def test_a_handler_of_another_town_can_neither_see_nor_change_the_report(client, report, handlers):
    tangxia, yuhai = handlers
    login(client, yuhai)
    assert report.number not in client.get("/admin/reports_triage/").content.decode()
    assert client.get(f"/admin/reports_triage/edit/{report.pk}/").status_code == 404
    assert step(client, report, "verify", note="不是我的").status_code == 404
    assert step(client, report, "reject", reason="不是我的").status_code == 404
    report.refresh_from_db()
    assert report.status == Status.RECEIVED and report.events.count() == 1
    client.logout()
    login(client, tangxia)
    assert report.number in client.get("/admin/reports_triage/").content.decode()
    assert client.get(f"/admin/reports_triage/edit/{report.pk}/").status_code == 200


def test_the_phone_is_masked_except_for_the_reports_handler(client, report, handlers, dispatcher):
    tangxia, _yuhai = handlers
    login(client, tangxia)
    page = client.get(f"/admin/reports_triage/edit/{report.pk}/").content.decode()
    assert "138****5678" in page and "13812345678" not in page
    report.handler = tangxia
    report.save()
    page = client.get(f"/admin/reports_triage/edit/{report.pk}/").content.decode()
    assert "13812345678" in page


def test_the_rewards_export_is_formula_safe_and_scoped(client, report, handlers, dispatcher):
    report.status, report.reward, report.rewarded_on = Status.RECTIFIED, 200, timezone.localdate()
    report.place = "=cmd|' /C calc'!A0"
    report.save()
    login(client, dispatcher)
    response = client.get("/admin/reports_triage/rewards.xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][0] == report.number and rows[0][3] == "'=cmd|' /C calc'!A0" and rows[0][4] == 200
    assert rows[0][6] == "138****5678"
    client.logout()
    login(client, handlers[1])
    other = load_workbook(BytesIO(client.get("/admin/reports_triage/rewards.xlsx").content)).active
    assert other.max_row == 1


def test_duplicates_are_offered_and_merged(client, reports_page, report_data, dispatcher):
    client.post(reports_page.url, report_data())
    client.post(reports_page.url, report_data(phone="13912345678"))
    first, second = Report.objects.order_by("pk")
    login(client, dispatcher)
    page = client.get(f"/admin/reports_triage/edit/{second.pk}/").content.decode()
    assert first.number in page
    assert step(client, second, "merge", into=first.number).status_code == 302
    second.refresh_from_db()
    assert second.duplicate_of == first and second.status == Status.REJECTED and first.number in second.reason


def test_retention_deletes_phones_of_reports_closed_long_ago(report, settings):
    settings.REPORT_PHONE_RETENTION_DAYS = 30
    report.status, report.closed_at = Status.REJECTED, timezone.now() - timedelta(days=31)
    report.save()
    open_report = Report.objects.create(area=report.area, town=report.town, place="x", description="y",
                                        phone="13700000000", due_on=report.due_on)
    call_command("delete_report_phones")
    report.refresh_from_db()
    open_report.refresh_from_db()
    assert report.phone == "" and open_report.phone == "13700000000"


def test_home_and_hazards_pages_show_this_months_counts(client, report, dispatcher):
    from hazards.models import HazardIndexPage
    from wagtail.models import Page

    Page.objects.get(depth=2).add_child(instance=HazardIndexPage(title="挂牌督办", slug="hazards"))
    login(client, dispatcher)
    step(client, report, "verify")
    client.logout()
    for url in ("/", "/hazards/"):
        page = client.get(url).content.decode()
        assert 'id="report-counts-title"' in page
        figures = page.split('id="report-counts-title"')[1].split("</ul>")[0]
        assert figures.count("<strong>1</strong>") == 2 and "<strong>0</strong>" in figures


def test_a_handler_sets_up_totp_before_seeing_any_report(client, report, handlers, settings):
    from reports.scoping import DISPATCHERS_GROUP, HANDLERS_GROUP

    settings.MFA_REQUIRED_GROUPS = [HANDLERS_GROUP, DISPATCHERS_GROUP]
    login(client, handlers[0])
    for url in ("/admin/reports_triage/", f"/admin/reports_triage/edit/{report.pk}/", "/admin/reports_triage/rewards.xlsx"):
        assert client.get(url)["Location"] == "/accounts/2fa/totp/activate/"
    assert step(client, report, "verify").status_code == 302
    report.refresh_from_db()
    assert report.status == Status.RECEIVED
