"""The public side: sending a report with photos, following it, the limits, supervisors' links."""
import re
from datetime import timedelta
from io import BytesIO

from captcha.models import CaptchaStore
from django.utils import timezone
from PIL import Image

from reports import limits
from reports.hazard_reports import Report, ReportEvent, Status
from reports.supervisors import Supervisor


def send(client, reports_page, data, photos=(), **extra):
    return client.post(reports_page.url, {**data, "photos": list(photos)}, **extra)


def test_a_report_with_photos_gets_a_tracking_number_and_a_secret_status_page(client, reports_page, report_data, photo):
    response = send(client, reports_page, report_data(), [photo("a.jpg"), photo("b.jpg")])
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{reports_page.url}status/{report.secret}/?sent=1"
    year = timezone.localdate().year
    assert report.number == f"SP-{year}-000001"
    assert report.status == Status.RECEIVED and report.phone == "13812345678"
    assert report.due_on == timezone.localdate() + timedelta(days=15)
    assert [event.kind for event in report.events.all()] == [ReportEvent.Kind.SUBMITTED]
    assert report.photos.count() == 2
    for item in report.photos.all():
        with Image.open(item.image.path) as image:
            assert len(image.getexif()) == 0
    page = client.get(response["Location"]).content.decode()
    assert report.number in page and "13812345678" not in page and "138****5678" not in page
    assert item.thumbnail.url in page
    send(client, reports_page, report_data(place="另一处"))
    assert Report.objects.order_by("pk").last().number == f"SP-{year}-000002"


def test_the_status_by_tracking_number_shows_nothing_personal(client, reports_page, report_data):
    send(client, reports_page, report_data(description="我家住在某小区3栋，电话13812345678"))
    report = Report.objects.get()
    page = client.get(reports_page.url + "track/", {"number": report.number}).content.decode()
    assert report.number in page and "塘下镇" in page and "受理" in page
    for personal in ("13812345678", "138****5678", "我家住在", report.secret):
        assert personal not in page
    missing = client.get(reports_page.url + "track/", {"number": "SP-2000-000009"}).content.decode()
    assert "没有" in missing or "No report" in missing
    bad = client.get(reports_page.url + "track/", {"number": "=1+1"}).content.decode()
    assert "SP-2026-000123" in bad


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong(client, reports_page, report_data):
    response = send(client, reports_page, report_data(phone="12345", latitude="27.7", consent=""))
    page = response.content.decode()
    assert response.status_code == 200 and not Report.objects.exists()
    assert "塘下镇某厂房后门" in page and "消防通道被货物堵塞" in page
    assert "11" in page  # the phone's error: an 11-digit mobile number
    assert "id_longitude" in page


def test_anonymous_reports_keep_no_phone(client, reports_page, report_data):
    send(client, reports_page, report_data(anonymous="on"))
    assert Report.objects.get().phone == ""


def test_a_captcha_after_two_reports_and_a_refusal_past_the_hourly_limit(client, reports_page, report_data, monkeypatch):
    for number in range(limits.CAPTCHA_AFTER):
        assert send(client, reports_page, report_data(place=f"地点{number}", phone="")).status_code == 302
    form = client.get(reports_page.url).content.decode()
    assert 'name="captcha_0"' in form and "<script" not in form.split("<main")[1].split("</main>")[0]
    refused = send(client, reports_page, report_data(place="第三处", phone=""))
    assert refused.status_code == 200 and Report.objects.count() == limits.CAPTCHA_AFTER
    key = re.search(r'name="captcha_0" value="([0-9a-f]+)"', refused.content.decode()).group(1)
    wrong = send(client, reports_page, report_data(place="第三处", phone="", captcha_0=key, captcha_1="nope"))
    assert wrong.status_code == 200 and Report.objects.count() == limits.CAPTCHA_AFTER
    key = re.search(r'name="captcha_0" value="([0-9a-f]+)"', wrong.content.decode()).group(1)
    answer = CaptchaStore.objects.get(hashkey=key).response
    passed = send(client, reports_page, report_data(place="第三处", phone="", captcha_0=key, captcha_1=answer))
    assert passed.status_code == 302
    monkeypatch.setattr(limits, "PER_ADDRESS", Report.objects.count())
    blocked = client.get(reports_page.url)
    assert blocked.status_code == 429
    # Another address is not blocked (REMOTE_ADDR with no trusted proxy).
    assert client.get(reports_page.url, REMOTE_ADDR="10.0.0.9").status_code == 200


def test_a_phone_may_send_three_reports_a_day(client, reports_page, report_data, monkeypatch):
    monkeypatch.setattr(limits, "CAPTCHA_AFTER", 100)
    for number in range(limits.PER_PHONE):
        assert send(client, reports_page, report_data(place=f"地点{number}")).status_code == 302
    response = send(client, reports_page, report_data(place="第四处"), REMOTE_ADDR="10.0.0.8")
    assert response.status_code == 200 and Report.objects.count() == limits.PER_PHONE
    assert "明天" in response.content.decode()


def appointed(town, **fields):
    today = timezone.localdate()
    values = {"name": "陈监督", "phone": "13700000000", "town": town, "occupation": "安全员", "reason": "热心",
              "status": Supervisor.Status.APPOINTED, "certificate_number": "RA-001",
              "term_start": today - timedelta(days=10), "term_end": today + timedelta(days=300)}
    values.update(fields)
    return Supervisor.objects.create(**values)


def test_a_supervisors_link_marks_his_reports_and_shows_them_to_him(client, reports_page, report_data, towns):
    supervisor = appointed(towns[0])
    send(client, reports_page, report_data(place="普通群众"))
    response = client.post(f"{reports_page.url}?supervisor={supervisor.secret}", report_data(place="监督员报告"))
    assert response.status_code == 302
    marked = Report.objects.get(place="监督员报告")
    assert marked.supervisor == supervisor
    assert Report.objects.first() == marked  # a supervisor's reports are handled first
    own = client.get(f"{reports_page.url}supervisor/{supervisor.secret}/").content.decode()
    assert marked.number in own and Report.objects.get(place="普通群众").number not in own
    letter = client.get(f"{reports_page.url}supervisor/{supervisor.secret}/letter/")
    assert letter["Content-Type"] == "image/png"
    with Image.open(BytesIO(letter.content)) as image:
        assert image.size == (1754, 1240)
    assert client.get(f"{reports_page.url}supervisor/wrong-secret/").status_code == 404


def test_an_expired_supervisors_link_reports_as_the_public(client, reports_page, report_data, towns):
    today = timezone.localdate()
    supervisor = appointed(towns[0], term_start=today - timedelta(days=400), term_end=today - timedelta(days=1))
    client.post(f"{reports_page.url}?supervisor={supervisor.secret}", report_data())
    assert Report.objects.get().supervisor is None
