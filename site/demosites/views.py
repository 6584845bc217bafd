"""The directory of accepted sites, the application form, and the inspectors' visit form (on a phone)."""
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from core.organisations.models import Town
from core.taxonomy.models import Venue

from . import scoring
from .checklist import (Application, ApplicationPhoto, ChecklistItem, Inspection, InspectionScore, Outcome,
                        SelfAssessment)
from .forms import ApplicationForm, InspectionForm

INSPECT_PERMISSION = "demosites.inspect_site"


def directory(page, request):
    """Accepted sites by town and venue, with a link to the unit's model-unit page where it has one."""
    sites = (Application.objects.filter(outcome=Outcome.PASSED)
             .select_related("unit__town", "venue", "model_unit_page").order_by("unit__town__sort_order",
                                                                                  "venue__sort_order", "unit__name"))
    town = Town.objects.filter(pk=request.GET.get("town")).first() if request.GET.get("town", "").isdigit() else None
    venue = Venue.objects.filter(code=request.GET.get("venue", "")).first()
    if town:
        sites = sites.filter(unit__town=town)
    if venue:
        sites = sites.filter(venue=venue)
    groups = {}
    for site in sites:
        groups.setdefault(site.unit.town, []).append(site)
    context = {"groups": list(groups.items()), "towns": Town.objects.all(), "town": town,
               "venues": Venue.objects.all(), "venue": venue}
    return page.render(request, context_overrides=context)


def apply(page, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    items = list(ChecklistItem.objects.all())
    form = ApplicationForm(request.POST or None, request.FILES or None, items=items)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            application = form.save(commit=False)
            application.applicant = request.user
            application.self_score = sum(form.points.values())
            application.save()
            SelfAssessment.objects.bulk_create(
                SelfAssessment(application=application, item=item, points=form.points[item.pk]) for item in items)
            for photo in form.cleaned_data["photos"]:
                ApplicationPhoto.objects.create(application=application, image=photo)
        messages.success(request, _("Your application is in. An inspector will arrange a visit."))
        return redirect(page.url)
    return page.render(request, template="demosites/apply.html", context_overrides={"form": form, "items": items})


def _inspector(request):
    if not request.user.has_perm(INSPECT_PERMISSION):
        raise PermissionDenied(_("Only inspectors score demonstration sites."))


def inspections(page, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    _inspector(request)
    applications = (Application.objects.exclude(outcome__in=[Outcome.PASSED, Outcome.FAILED])
                    .select_related("unit__town", "venue").order_by("applied_at"))
    return page.render(request, template="demosites/inspections.html",
                       context_overrides={"applications": applications})


def inspect(page, request, application_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    _inspector(request)
    application = get_object_or_404(Application.objects.select_related("unit__town", "venue"), pk=application_id)
    items = list(ChecklistItem.objects.all())
    form = InspectionForm(request.POST or None, request.FILES or None, items=items)
    if request.method == "POST" and form.is_valid():
        full_marks = sum(item.points for item in items)
        score = scoring.total([(item.pk, item.points) for item in items], form.points)
        outcome = scoring.outcome(score, full_marks, page.pass_percent, page.recheck_percent)
        with transaction.atomic():
            inspection = Inspection.objects.create(
                application=application, inspector=request.user, visited_on=form.cleaned_data["visited_on"],
                total=score, full_marks=full_marks, outcome=outcome, notes=form.cleaned_data["notes"])
            for item in items:
                InspectionScore.objects.create(inspection=inspection, item=item, points=form.points[item.pk],
                                               photo=form.cleaned_data.get(f"photo_{item.pk}") or "")
            application.outcome = outcome
            application.save(update_fields=["outcome"])
        messages.success(request, _("Inspection saved: %(score)d of %(full)d points, %(outcome)s.") % {
            "score": score, "full": full_marks, "outcome": inspection.get_outcome_display()})
        return redirect(page.url + page.reverse_subpage("inspections"))
    own = {row.item_id: row.points for row in application.self_assessment.all()}
    rows = [(item, form[f"item_{item.pk}"], form[f"photo_{item.pk}"], own.get(item.pk)) for item in items]
    context = {"application": application, "form": form, "rows": rows}
    return page.render(request, template="demosites/inspect.html", context_overrides=context)
