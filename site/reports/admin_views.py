"""The staff side in the Wagtail admin: the triage list (scoped to the user's towns), a report's
page with its steps (each a POST with CSRF, recorded as an event), the rewards export, the
supervisors' review, letters and yearly summaries, the towns' handlers and the due dates."""
from datetime import date, timedelta
from io import BytesIO

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from openpyxl import Workbook
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from core.exports.formula_safety import safe_row
from core.organisations.models import Town

from . import lifecycle
from .admin_forms import (
    AssignForm, CloseForm, EscalateForm, MergeForm, NoteForm, RejectForm, RewardForm, RouteForm,
    SupervisorReviewForm,
)
from .hazard_reports import DueDays, Report, ReportEvent, Status, TownHandler
from .letters import appointment_letter
from .models import ReportsPage, letter_issuer
from .scoping import may_change, phone_shown, report_for, visible_reports
from .supervisors import Supervisor

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ScopedReportPolicy(ModelPermissionPolicy):
    """Reports come from the public only (no add, no delete); view and change within scoping.py."""

    def user_has_permission(self, user, action):
        return action in {"view", "change"} and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and visible_reports(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        return visible_reports(user)


class ReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Status.choices, label=gettext_lazy("Status"))
    town = django_filters.ModelChoiceFilter(queryset=Town.objects.all(), label=gettext_lazy("Town or street"))
    age = django_filters.ChoiceFilter(
        label=gettext_lazy("Age"), method="filter_age",
        choices=[("3", gettext_lazy("Last 3 days")), ("7", gettext_lazy("Last 7 days")), ("30", gettext_lazy("Last 30 days")),
                 ("older", gettext_lazy("Older than 30 days"))],
    )
    overdue = django_filters.BooleanFilter(label=gettext_lazy("Overdue"), method="filter_overdue")
    supervisor = django_filters.BooleanFilter(label=gettext_lazy("From a supervisor"), field_name="supervisor",
                                              lookup_expr="isnull", exclude=True)

    class Meta:
        model = Report
        fields = ["status", "town", "area"]

    def filter_age(self, queryset, name, value):
        now = timezone.now()
        if value == "older":
            return queryset.filter(created_at__lt=now - timedelta(days=30))
        return queryset.filter(created_at__gte=now - timedelta(days=int(value)))

    def filter_overdue(self, queryset, name, value):
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


class ReportIndexView(IndexView):
    def get_base_queryset(self):
        return visible_reports(self.request.user).select_related("area", "town", "supervisor", "handler")

    def get_edit_url(self, instance):
        return reverse("reports_triage:edit", args=[instance.pk])

    @cached_property
    def header_buttons(self):
        return [HeaderButton(_("Rewards for payment (Excel)"), url=reverse("reports_triage:rewards"), icon_name="download")]


class ReportViewSet(ModelViewSet):
    model = Report
    icon = "warning"
    menu_label = gettext_lazy("Hazard reports")
    menu_order = 100
    index_view_class = ReportIndexView
    copy_view_enabled = False
    filterset_class = ReportFilterSet
    list_display = [
        "number", Column("area", label=gettext_lazy("Category")), "town", "status",
        BooleanColumn("supervisor_report", label=gettext_lazy("Supervisor"), accessor=lambda r: r.supervisor_id is not None),
        "handler", Column("due_on", label=gettext_lazy("due on")),
        BooleanColumn("overdue", label=gettext_lazy("Overdue")), DateColumn("created_at", label=gettext_lazy("reported at")),
    ]
    search_fields = ["number", "place", "description"]
    form_fields = ["place"]

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("edit/<int:pk>/", report_page, name="edit"),
            path("edit/<int:pk>/<slug:step>/", take_step, name="step"),
            path("rewards.xlsx", rewards_export, name="rewards"),
        ]


STEP_FORMS = {
    "verify": NoteForm, "route": RouteForm, "assign": AssignForm, "rectify": NoteForm, "escalate": EscalateForm,
    "close": CloseForm, "reject": RejectForm, "merge": MergeForm, "reward": RewardForm, "note": NoteForm,
}


def step_form(step, report, data=None, files=None):
    form_class = STEP_FORMS[step]
    kwargs = {"report": report} if form_class is AssignForm else {}
    initial = {}
    if step == "route":
        initial = {"town": report.town}
    elif step == "escalate":
        initial = {"title": f"{report.place}：{report.description[:60]}", "deadline": report.due_on}
    return form_class(data, files, initial=initial, prefix=step, **kwargs)


def report_page(request, pk):
    report = report_for(request.user, pk)
    forms = {step: step_form(step, report) for step in STEP_FORMS} if may_change(request.user, report) else {}
    return render_report(request, report, forms)


def render_report(request, report, forms, status=200):
    events = report.events.select_related("actor").prefetch_related("photos")
    context = {
        "report": report,
        "phone": phone_shown(request.user, report),
        "events": events,
        "photos": report.photos.filter(event__isnull=True),
        "duplicates": lifecycle.possible_duplicates(report),
        "forms": forms,
        "allowed": {
            step for step, kind in STEP_KINDS.items()
            if (kind is None or report.status in lifecycle.ALLOWED[kind]) and not (step == "escalate" and report.hazard_id)
        },
        "header_title": report.number,
        "page_title": _("Hazard report %(number)s") % {"number": report.number},
        "header_icon": "warning",
    }
    return TemplateResponse(request, "reports/admin/report.html", context, status=status)


STEP_KINDS = {
    "verify": ReportEvent.Kind.VERIFYING, "route": ReportEvent.Kind.ROUTED, "assign": None,
    "rectify": ReportEvent.Kind.RECTIFYING, "escalate": ReportEvent.Kind.ESCALATED, "close": ReportEvent.Kind.RECTIFIED,
    "reject": ReportEvent.Kind.REJECTED, "merge": ReportEvent.Kind.MERGED, "reward": ReportEvent.Kind.REWARDED,
    "note": None,
}


@require_POST
def take_step(request, pk, step):
    if step not in STEP_FORMS:
        return redirect("reports_triage:edit", pk)
    report = report_for(request.user, pk, change=True)
    form = step_form(step, report, request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("The step was not taken: correct the form below."))
        forms = {name: step_form(name, report) for name in STEP_FORMS}
        forms[step] = form
        return render_report(request, report, forms, status=400)
    data, user = form.cleaned_data, request.user
    actions = {
        "verify": lambda: lifecycle.start_verifying(report, user, data["note"], data["photos"]),
        "route": lambda: lifecycle.route(report, user, data["town"], data["handler"], data["note"]),
        "assign": lambda: lifecycle.assign(report, user, data["handler"], data["note"]),
        "rectify": lambda: lifecycle.start_rectifying(report, user, data["note"], data["photos"]),
        "escalate": lambda: lifecycle.escalate(report, user, data["title"], data["responsible_unit"], data["deadline"],
                                               data["note"]),
        "close": lambda: lifecycle.close_rectified(report, user, data["note"], data["photos"]),
        "reject": lambda: lifecycle.reject(report, user, data["reason"]),
        "merge": lambda: lifecycle.merge(report, user, data["into"]),
        "reward": lambda: lifecycle.reward(report, user, data["amount"], data["note"]),
        "note": lambda: lifecycle.add_note(report, user, data["note"], data["photos"]),
    }
    try:
        event = actions[step]()
    except lifecycle.StepRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("%(number)s: %(step)s.") % {"number": report.number, "step": event.get_kind_display()})
    if not visible_reports(user).filter(pk=report.pk).exists():  # routed to a town he does not handle
        return redirect("reports_triage:index")
    return redirect("reports_triage:edit", report.pk)


def rewards_export(request):
    """The rewarded reports the user may see, for payment: formula-safe cells, phones as scoping allows."""
    if not request.user.has_perm("reports.view_report"):
        raise PermissionDenied
    reports = visible_reports(request.user).filter(reward__isnull=False).select_related("area", "town", "supervisor")
    book = Workbook()
    sheet = book.active
    sheet.title = _("Rewards")
    sheet.append(safe_row([_("Tracking number"), _("Category"), _("Town or street"), _("Place"), _("Reward (yuan)"),
                           _("Rewarded on"), _("Contact phone"), _("Social supervisor")]))
    for report in reports.order_by("rewarded_on", "number"):
        sheet.append(safe_row([
            report.number, report.area.name, report.town.name, report.place, float(report.reward), report.rewarded_on,
            phone_shown(request.user, report), report.supervisor.name if report.supervisor else "",
        ]))
    return xlsx_response(book, "report-rewards.xlsx")


def xlsx_response(book, filename):
    buffer = BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# Supervisors ------------------------------------------------------------------------------

class SupervisorIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        return [HeaderButton(_("Yearly summary"), url=reverse("reports_supervisors:summary"), icon_name="table")]


class SupervisorEditView(EditView):
    def save_instance(self):
        """Who reviewed the application, and when: recorded whenever its status changes."""
        if "status" in self.form.changed_data:
            self.form.instance.reviewed_by = self.request.user
            self.form.instance.reviewed_at = timezone.now()
        return super().save_instance()


class SupervisorViewSet(ModelViewSet):
    model = Supervisor
    icon = "user"
    menu_label = gettext_lazy("Social supervisors")
    menu_order = 200
    index_view_class = SupervisorIndexView
    edit_view_class = SupervisorEditView
    copy_view_enabled = False
    # Staff call the applicants: the phone is listed (only for those who may review supervisors).
    list_display = ["name", "town", "phone", "occupation", "status", "certificate_number",
                    Column("term_end", label=gettext_lazy("term ends")), DateColumn("applied_at", label=gettext_lazy("applied at"))]
    list_filter = ["status", "town"]
    search_fields = ["name", "certificate_number"]

    def get_form_class(self, for_update=False):
        return SupervisorReviewForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("letter/<int:pk>/", supervisor_letter, name="letter"),
            path("summary/", yearly_summary, name="summary"),
        ]


def supervisor_page_url(supervisor):
    page = ReportsPage.objects.live().first()
    if page is None:
        return ""
    return page.full_url + page.reverse_subpage("supervisor", args=[supervisor.secret])


def supervisor_letter(request, pk):
    if not request.user.has_perm("reports.view_supervisor"):
        raise PermissionDenied
    supervisor = get_object_or_404(Supervisor.objects.select_related("town"), pk=pk, status=Supervisor.Status.APPOINTED)
    png = appointment_letter(supervisor, letter_issuer(), supervisor_page_url(supervisor))
    response = HttpResponse(png, content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="letter-{supervisor.certificate_number}.png"'
    return response


def summary_rows(year):
    """Per supervisor, the reports of `year`: sent, verified (got past verification), rectified."""
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    in_year = Q(reports__created_at__date__gte=start, reports__created_at__date__lt=end)
    verified = in_year & Q(reports__events__kind=ReportEvent.Kind.VERIFYING)
    return (
        Supervisor.objects.filter(status=Supervisor.Status.APPOINTED).select_related("town")
        .annotate(sent=Count("reports", filter=in_year, distinct=True),
                  verified=Count("reports", filter=verified, distinct=True),
                  rectified=Count("reports", filter=in_year & Q(reports__status=Status.RECTIFIED), distinct=True))
        .order_by("town__name", "name")
    )


def yearly_summary(request):
    if not request.user.has_perm("reports.view_supervisor"):
        raise PermissionDenied
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    rows = summary_rows(year)
    if request.GET.get("format") == "xlsx":
        book = Workbook()
        sheet = book.active
        sheet.title = str(year)
        sheet.append(safe_row([_("Name"), _("Town or street"), _("Certificate number"), _("Reports"), _("Verified"),
                               _("Rectified")]))
        for row in rows:
            sheet.append(safe_row([row.name, row.town.name, row.certificate_number, row.sent, row.verified, row.rectified]))
        return xlsx_response(book, f"supervisors-{year}.xlsx")
    return TemplateResponse(request, "reports/admin/summary.html", {
        "rows": rows, "year": year, "years": range(timezone.localdate().year, timezone.localdate().year - 5, -1),
        "page_title": _("Supervisors' yearly summary"), "header_title": _("Supervisors' yearly summary"), "header_icon": "user",
    })


class TownHandlerViewSet(ModelViewSet):
    model = TownHandler
    icon = "group"
    menu_label = gettext_lazy("Town handlers")
    menu_order = 300
    form_fields = ["user", "town"]
    list_display = ["user", "town"]
    list_filter = ["town"]


class DueDaysViewSet(ModelViewSet):
    model = DueDays
    icon = "time"
    menu_label = gettext_lazy("Due dates by category")
    menu_order = 400
    form_fields = ["area", "days"]
    list_display = ["area", "days"]


class ReportsGroup(ViewSetGroup):
    menu_label = gettext_lazy("Hazard reports")
    menu_icon = "warning"
    menu_order = 250
    items = [
        ReportViewSet("reports_triage"), SupervisorViewSet("reports_supervisors"),
        TownHandlerViewSet("reports_handlers"), DueDaysViewSet("reports_due_days"),
    ]
