"""Social supervisors: the call, review and appointment in the admin, the roster, letters, summaries."""
from datetime import timedelta
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import load_workbook
from PIL import Image

from reports import lifecycle
from reports.hazard_reports import Report
from reports.photos import cleaned_photo
from reports.scoping import DISPATCHERS_GROUP
from reports.supervisors import Supervisor

from .conftest import PASSWORD, gps_jpeg


def apply(client, call_page, towns, **overrides):
    data = {"name": "王监督", "phone": "13612345678", "town": towns[0].pk, "occupation": "网格员", "reason": "热心安全",
            "consent": "on", **overrides}
    return client.post(call_page.url, data)


def test_apply_review_appoint_and_show_on_the_roster(client, call_page, towns, staff):
    assert "年满18周岁" in client.get(call_page.url).content.decode()
    assert apply(client, call_page, towns, phone="123").status_code == 200  # a clear error, nothing saved
    assert not Supervisor.objects.exists()
    response = apply(client, call_page, towns)
    assert response.status_code == 302 and response["Location"] == f"{call_page.url}applied/"
    supervisor = Supervisor.objects.get()
    assert supervisor.status == Supervisor.Status.APPLIED
    assert "王监督" not in client.get(f"{call_page.url}roster/").content.decode()

    dispatcher = staff("dispatcher", DISPATCHERS_GROUP)
    assert client.login(username="dispatcher", password=PASSWORD)
    url = f"/admin/reports_supervisors/edit/{supervisor.pk}/"
    today = timezone.localdate()
    form = {"name": "王监督", "town": towns[0].pk, "occupation": "网格员", "status": "appointed", "review_note": ""}
    refused = client.post(url, form)
    assert refused.status_code == 200
    supervisor.refresh_from_db()
    assert supervisor.status == Supervisor.Status.APPLIED
    form.update(certificate_number="RA-JD-2026-009", term_start=today.isoformat(),
                term_end=(today + timedelta(days=730)).isoformat())
    assert client.post(url, form).status_code == 302
    supervisor.refresh_from_db()
    assert supervisor.status == Supervisor.Status.APPOINTED and supervisor.serving
    assert supervisor.reviewed_by == dispatcher and supervisor.reviewed_at
    letter = client.get(f"/admin/reports_supervisors/letter/{supervisor.pk}/")
    with Image.open(BytesIO(letter.content)) as image:
        assert image.format == "PNG" and image.size == (1754, 1240)
    client.logout()
    roster = client.get(f"{call_page.url}roster/").content.decode()
    assert "王监督" in roster and "13612345678" not in roster and towns[0].name in roster


def test_expired_terms_drop_off_the_roster(client, call_page, towns):
    today = timezone.localdate()
    Supervisor.objects.create(name="过期监督", phone="13600000000", town=towns[0], occupation="x", reason="y",
                              status=Supervisor.Status.APPOINTED, certificate_number="OLD-1",
                              term_start=today - timedelta(days=800), term_end=today - timedelta(days=1))
    assert "过期监督" not in client.get(f"{call_page.url}roster/").content.decode()


def test_the_yearly_summary_counts_reports_verified_and_rectified(client, towns, fire, staff):
    today = timezone.localdate()
    supervisor = Supervisor.objects.create(
        name="=陈监督", phone="13600000000", town=towns[0], occupation="x", reason="y", status=Supervisor.Status.APPOINTED,
        certificate_number="RA-1", term_start=today - timedelta(days=10), term_end=today + timedelta(days=300))
    reports = [Report.objects.create(area=fire, town=towns[0], place=f"p{n}", description="d", due_on=today,
                                     supervisor=supervisor) for n in range(3)]
    lifecycle.start_verifying(reports[0], None)
    lifecycle.start_verifying(reports[1], None)
    lifecycle.route(reports[1], None, towns[0])
    reports[1].status = "rectifying"
    reports[1].save()
    lifecycle.close_rectified(reports[1], None, "整改完成", [lifecycle_photo()])
    staff("dispatcher", DISPATCHERS_GROUP)
    assert client.login(username="dispatcher", password=PASSWORD)
    page = client.get("/admin/reports_supervisors/summary/", {"year": today.year}).content.decode()
    assert "陈监督" in page
    sheet = load_workbook(BytesIO(client.get("/admin/reports_supervisors/summary/",
                                             {"year": today.year, "format": "xlsx"}).content)).active
    assert list(sheet.iter_rows(min_row=2, values_only=True)) == [("'=陈监督", "塘下镇", "RA-1", 3, 2, 1)]


def lifecycle_photo():
    return cleaned_photo(SimpleUploadedFile("after.jpg", gps_jpeg()))
