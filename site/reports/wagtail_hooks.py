from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import ReportsGroup, ScopedReportPolicy
from .counts import monthly_counts
from .hazard_reports import Report
from .models import ReportsPage

register_permission_policy(Report, ScopedReportPolicy(Report), exact_class=True)


@hooks.register("register_admin_viewset")
def register_reports():
    return ReportsGroup()


def report_counts():
    return {"report_counts": {**monthly_counts(), "page": ReportsPage.objects.live().first()}}


@hooks.register("home_page_listings")
def home_page_counts():
    return report_counts()


@hooks.register("hazard_page_listings")
def hazard_page_counts():
    return report_counts()
