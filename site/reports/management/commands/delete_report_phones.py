"""Delete reporters' contact phones a configurable time after their report is closed (run daily)."""
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from reports.hazard_reports import CLOSED, Report


class Command(BaseCommand):
    help = "Delete the contact phones of reports closed more than REPORT_PHONE_RETENTION_DAYS days ago."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="days after closing (default: REPORT_PHONE_RETENTION_DAYS)")

    def handle(self, *args, days=None, **options):
        days = settings.REPORT_PHONE_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - timedelta(days=days)
        reports = Report.objects.exclude(phone="").filter(status__in=CLOSED, closed_at__lt=cutoff)
        deleted = reports.update(phone="")
        self.stdout.write(f"deleted {deleted} phone number(s) of reports closed before {cutoff:%Y-%m-%d}")
