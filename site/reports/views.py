"""What the public pages' routes do: send a report, follow it, apply to be a supervisor, the roster,
a supervisor's own page and letter. The page models (models.py) only route here."""
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hazards.models import HazardIndexPage

from . import limits
from .forms import ApplicationForm, ReportForm, TrackForm
from .hazard_reports import Report, ReportEvent, ReportPhoto
from .letters import appointment_letter
from .lifecycle import submit
from .supervisors import Supervisor

SUPERVISOR_PARAMETER = "supervisor"


def serving_supervisor(secret):
    supervisor = Supervisor.objects.filter(secret=secret or "").select_related("town").first()
    return supervisor if supervisor and supervisor.serving else None


def report_form(page, request):
    supervisor = serving_supervisor(request.GET.get(SUPERVISOR_PARAMETER))
    if request.GET.get(SUPERVISOR_PARAMETER) and supervisor is None:
        messages.warning(request, _("This supervisor link is not valid (or the term has ended): the report is sent as a member of the public."))
    if limits.REPORTS.address_blocked(request):
        return render(request, "reports/refused.html", {"page": page}, status=429)
    captcha = limits.REPORTS.needs_captcha(request)
    initial = {"town": supervisor.town} if supervisor else {}
    if request.method == "POST":
        form = ReportForm(request.POST, request.FILES, captcha=captcha)
        valid = form.is_valid()
        if not valid and request.FILES.getlist("photos") and "photos" not in form.errors:
            # A browser cannot keep chosen files across a correction: say so beside the field.
            form.add_error("photos", _("Choose your photos again before sending: they could not be kept."))
        if valid:
            phone = form.cleaned_data["phone"]
            if limits.REPORTS.phone_blocked(phone):
                form.add_error("phone", _("This phone number has sent several reports today; try again tomorrow."))
            else:
                report = submit(form, form.cleaned_data["photos"], supervisor=supervisor)
                limits.REPORTS.record(request, phone)
                return redirect(page.url + page.reverse_subpage("status", args=[report.secret]) + "?sent=1")
    else:
        form = ReportForm(initial=initial, captcha=captcha)
    return render(request, "reports/report_form.html", {"page": page, "form": form, "supervisor": supervisor})


def public_history(report):
    return [
        event for event in report.events.all()
        if event.kind not in (ReportEvent.Kind.NOTE, ReportEvent.Kind.ASSIGNED)
    ]


def status_context(page, report):
    return {
        "page": page,
        "report": report,
        "history": public_history(report),
        "proof": ReportPhoto.objects.filter(report=report, event__kind=ReportEvent.Kind.RECTIFIED),
        # Linked once the hazard's listing has passed the review and is public.
        "hazards_page": HazardIndexPage.objects.live().first() if report.hazard_id and report.hazard.live else None,
    }


def track(page, request):
    form = TrackForm(request.GET or None)
    report = None
    if form.is_valid():
        report = Report.objects.filter(number=form.cleaned_data["number"]).select_related("area", "town", "hazard").first()
        if report is None:
            form.add_error("number", _("No report has this tracking number."))
    context = status_context(page, report) if report else {"page": page}
    return render(request, "reports/track.html", {**context, "form": form})


def status(page, request, secret):
    report = Report.objects.filter(secret=secret).select_related("area", "town", "hazard").first()
    if report is None:
        raise Http404
    context = status_context(page, report)
    context.update(sent=request.GET.get("sent") == "1", own_photos=report.photos.filter(event__isnull=True),
                   secret_url=request.build_absolute_uri(page.url + page.reverse_subpage("status", args=[secret])))
    return render(request, "reports/status.html", context)


def supervisor_home(page, request, secret):
    supervisor = Supervisor.objects.filter(secret=secret, status=Supervisor.Status.APPOINTED).select_related("town").first()
    if supervisor is None:
        raise Http404
    reports = supervisor.reports.select_related("area", "town").order_by("-created_at")
    return render(request, "reports/supervisor_home.html", {
        "page": page, "supervisor": supervisor, "reports": reports,
        "form_url": f"{page.url}?{SUPERVISOR_PARAMETER}={secret}",
    })


def supervisor_letter(page, request, secret, issuer):
    supervisor = Supervisor.objects.filter(secret=secret, status=Supervisor.Status.APPOINTED).select_related("town").first()
    if supervisor is None:
        raise Http404
    page_url = request.build_absolute_uri(page.url + page.reverse_subpage("supervisor", args=[secret]))
    response = HttpResponse(appointment_letter(supervisor, issuer, page_url), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="letter-{supervisor.certificate_number}.png"'
    return response


def application_form(page, request):
    if limits.APPLICATIONS.address_blocked(request):
        return render(request, "reports/refused.html", {"page": page}, status=429)
    captcha = limits.APPLICATIONS.needs_captcha(request)
    if request.method == "POST":
        form = ApplicationForm(request.POST, captcha=captcha)
        if form.is_valid():
            if limits.APPLICATIONS.phone_blocked(form.cleaned_data["phone"]):
                form.add_error("phone", _("This phone number has sent several applications today; try again tomorrow."))
            else:
                form.save()
                limits.APPLICATIONS.record(request, form.cleaned_data["phone"])
                return redirect(page.url + page.reverse_subpage("applied"))
    else:
        form = ApplicationForm(captcha=captcha)
    return render(request, "reports/supervisor_call.html", {"page": page, "form": form})


def applied(page, request):
    return render(request, "reports/applied.html", {"page": page})


def roster(page, request):
    supervisors = Supervisor.objects.serving().select_related("town").order_by("town__sort_order", "town__name", "name")
    return render(request, "reports/roster.html", {"page": page, "supervisors": supervisors})
