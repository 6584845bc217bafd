"""This month's figures of the public reports, for the home page and the hazards page (through the
`home_page_listings` and `hazard_page_listings` hooks): reports received, verified, rectified."""
from django.utils import timezone

from .hazard_reports import Report, ReportEvent

VERIFIED_STEPS = [ReportEvent.Kind.VERIFYING]


def month_start(now=None):
    now = timezone.localtime(now or timezone.now())
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def monthly_counts(now=None):
    since = month_start(now)
    steps = ReportEvent.objects.filter(at__gte=since)
    return {
        "received": Report.objects.filter(created_at__gte=since).count(),
        "verified": steps.filter(kind__in=VERIFIED_STEPS).values("report").distinct().count(),
        "rectified": steps.filter(kind=ReportEvent.Kind.RECTIFIED).values("report").distinct().count(),
    }
