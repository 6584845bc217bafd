"""The staff dashboard of a contest (Wagtail admin): charts of participation per day, per town,
the score distribution and the most-missed questions; prize redemption; Excel exports.

Staff need the `view_contestattempt` permission (editors and hosts have it: migration 0002)."""
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages

from core.imports.spreadsheets import xlsx_bytes

from . import tallies
from .models import OnlineContestPage
from .records import ContestAttempt, DrawLog, Mistake, Participant

PERMISSION = "onlinecontest.view_contestattempt"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RECENT_ATTEMPTS = 30


def allowed(user):
    return user.is_active and user.has_perm(PERMISSION)


def contest_for(request, page_id):
    if not allowed(request.user):
        raise PermissionDenied
    return get_object_or_404(OnlineContestPage, pk=page_id)


def chart_data(page):
    per_day = (
        ContestAttempt.objects.filter(page=page, practice=False, status=ContestAttempt.Status.SCORED)
        .annotate(day=TruncDate("started_at")).values("day")
        .annotate(attempts=Count("pk"), people=Count("participant", distinct=True)).order_by("day")
    )
    scores = (
        Participant.objects.filter(page=page, best_score__isnull=False)
        .values("best_score").annotate(people=Count("pk")).order_by("best_score")
    )
    missed = (
        Mistake.objects.filter(participant__page=page).values("question__stem")
        .annotate(times=Sum("times")).order_by("-times")[:10]
    )
    towns = tallies.town_ranking(page)
    return {
        "days": [row["day"].isoformat() for row in per_day],
        "dayAttempts": [row["attempts"] for row in per_day],
        "dayPeople": [row["people"] for row in per_day],
        "towns": [row["name"] for row in towns],
        "townRates": [round((row["rate"] or 0) * 100, 2) for row in towns],
        "townPeople": [row["participants"] for row in towns],
        "scores": [str(row["best_score"]) for row in scores],
        "scorePeople": [row["people"] for row in scores],
        "missed": [row["question__stem"][:40] for row in missed][::-1],
        "missedTimes": [row["times"] for row in missed][::-1],
        "labels": {
            "perDay": _("Participation per day"), "attempts": _("Attempts"), "people": _("People"),
            "perTown": _("Participation rate by town (%)"), "scores": _("Best scores"),
            "missed": _("Most-missed questions"), "times": _("Times missed"),
        },
    }


def dashboard(request, page_id):
    page = contest_for(request, page_id)
    if request.method == "POST":
        return redeem(request, page)
    recent = (
        ContestAttempt.objects.filter(page=page).select_related("participant__unit")
        .order_by("-started_at")[:RECENT_ATTEMPTS]
    )
    return TemplateResponse(request, "onlinecontest/admin/dashboard.html", {
        "page": page,
        "charts": chart_data(page),
        "totals": {
            "participants": Participant.objects.filter(page=page).count(),
            "scored": Participant.objects.filter(page=page, best_score__isnull=False).count(),
            "draws": DrawLog.objects.filter(page=page, prize__isnull=False).count(),
            "redeemed": DrawLog.objects.filter(page=page, redeemed_at__isnull=False).count(),
        },
        "recent": recent,
        "contests": OnlineContestPage.objects.all(),
    })


def redeem(request, page):
    code = request.POST.get("code", "").strip().upper()
    draw = DrawLog.objects.filter(page=page, code=code).select_related("prize", "participant").first() if code else None
    if draw is None:
        messages.error(request, _("No prize has the code “%(code)s” in this contest.") % {"code": code})
    elif draw.redeemed_at:
        messages.error(request, _("Code %(code)s was already redeemed on %(when)s.") % {
            "code": code, "when": timezone.localtime(draw.redeemed_at).strftime("%Y-%m-%d %H:%M")})
    else:
        updated = DrawLog.objects.filter(pk=draw.pk, redeemed_at__isnull=True).update(redeemed_at=timezone.now())
        if updated:
            messages.success(request, _("Code %(code)s redeemed: %(prize)s for %(name)s.") % {
                "code": code, "prize": draw.prize.name, "name": draw.participant.name})
        else:
            messages.error(request, _("Code %(code)s was redeemed a moment ago.") % {"code": code})
    return redirect(request.path)


def xlsx_response(data, filename):
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def export_participants(request, page_id):
    page = contest_for(request, page_id)
    people = Participant.objects.filter(page=page).select_related("unit", "town", "user").order_by("pk").iterator()
    header = [_("Name"), _("Phone"), _("Town or street"), _("Unit"), _("Best score"), _("Scored attempts"), _("Joined at")]
    rows = (
        [person.name, person.phone, person.town.name, person.unit.name, person.best_score, person.scored_attempts,
         timezone.localtime(person.joined_at).strftime("%Y-%m-%d %H:%M")]
        for person in people
    )
    return xlsx_response(xlsx_bytes(header, rows, _("Participants")), f"participants-{page.pk}.xlsx")


def export_attempts(request, page_id):
    page = contest_for(request, page_id)
    attempts = ContestAttempt.objects.filter(page=page).select_related("participant__unit").order_by("pk").iterator()
    header = [_("Name"), _("Unit"), _("Practice"), _("Status"), _("Score"), _("Full marks"), _("Correct answers"),
              _("Seconds"), _("Tab switches"), _("Page hidden"), _("Started at")]
    rows = (
        [a.participant.name, a.participant.unit.name, _("yes") if a.practice else "", a.get_status_display(), a.score,
         a.max_score, a.correct_count, round(a.duration_ms / 1000) if a.duration_ms is not None else None,
         a.tab_switches, a.page_hides, timezone.localtime(a.started_at).strftime("%Y-%m-%d %H:%M:%S")]
        for a in attempts
    )
    return xlsx_response(xlsx_bytes(header, rows, _("Attempts")), f"attempts-{page.pk}.xlsx")


def dashboard_index(request):
    if not allowed(request.user):
        raise PermissionDenied
    first = OnlineContestPage.objects.order_by("-pk").first()
    if first is None:
        return TemplateResponse(request, "onlinecontest/admin/dashboard.html", {"page": None})
    return redirect("onlinecontest_dashboard", page_id=first.pk)
