"""Which reports a staff user may see and change: the same check in the admin listing, the
report's page, its actions and the exports.

- Superusers and holders of `reports.handle_all_towns` (the bureau's dispatchers): every report.
- Members of the 隐患举报处理人 group (`reports.view_report`): the reports of their towns
  (`TownHandler`), and only those.
- A contact phone is shown in full only to the report's own handler; everyone else sees it masked.
"""
from django.contrib.auth import get_user_model
from django.http import Http404

from .hazard_reports import Report, TownHandler

HANDLERS_GROUP = "隐患举报处理人"
DISPATCHERS_GROUP = "隐患举报调度"


def handles_all(user):
    return user.is_authenticated and (user.is_superuser or user.has_perm("reports.handle_all_towns"))


def visible_reports(user):
    if not user.is_authenticated or not user.has_perm("reports.view_report"):
        return Report.objects.none()
    if handles_all(user):
        return Report.objects.all()
    return Report.objects.filter(town__in=TownHandler.objects.filter(user=user).values("town"))


def changeable_reports(user):
    if not user.has_perm("reports.change_report"):
        return Report.objects.none()
    return visible_reports(user)


def report_for(user, pk, change=False):
    """The report `pk` if `user` may see it (change it, with `change`); a 404 otherwise."""
    report = (changeable_reports(user) if change else visible_reports(user)).filter(pk=pk).first()
    if report is None:
        raise Http404
    return report


def may_change(user, report):
    return changeable_reports(user).filter(pk=report.pk).exists()


def phone_shown(user, report):
    return report.phone if report.handler_id == user.pk else report.masked_phone


def handlers_of(town):
    return get_user_model().objects.filter(report_towns__town=town).order_by("username")
