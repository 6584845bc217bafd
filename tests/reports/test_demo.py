from core.organisations import demo as towns_demo
from reports import demo
from reports.hazard_reports import Report, Status
from reports.supervisors import Supervisor


def test_the_demo_has_every_status_two_supervisors_and_an_escalated_report(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    towns_demo.load()
    demo.load()
    assert {report.status for report in Report.objects.all()} == set(Status.values)
    assert Supervisor.objects.serving().count() == 2
    escalated = Report.objects.get(hazard__isnull=False)
    assert escalated.hazard.report == escalated
    assert Report.objects.filter(reward__isnull=False).exists()
    count = Report.objects.count()
    demo.load()
    assert Report.objects.count() == count
