"""Pages of a live contest: host console, big screen, team pad (by access code), judge panel,
the audit-trail export and the request to publish the results page."""
import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.db import transaction
from django.views.decorators.http import require_POST

from core.accounts.roles import HOSTS, JUDGES, in_group
from contests.rules.phases import Phase
from quizzes.papers import PaperError

from contests.live.address_limits import TooManyAttempts, request_address

from .code_guard import CODE_GUARD, find_team
from .drawing import draw_round_questions
from .exporting import audit_workbook
from .extensions import panels
from .forms import UNKNOWN_CODE, AccessCodeForm, too_many_attempts
from .labels import client_labels
from .models import Contest, Team
from .results import request_results_publication


def _staff_contest(request, contest_id, group, assigned):
    contest = get_object_or_404(Contest, pk=contest_id)
    user = request.user
    if not in_group(user, group) or not (user.is_superuser or getattr(contest, assigned).filter(pk=user.pk).exists()):
        raise PermissionDenied
    return contest


def _page(request, template, contest, role, socket, **extra):
    context = {"contest": contest, "role": role, "socket_url": socket, "labels": client_labels(),
               "page_script": f"contests/js/{role}.js", "panels": panels(role), **extra}
    return render(request, template, context)


@login_required
def host_console(request, contest_id):
    contest = _staff_contest(request, contest_id, HOSTS, "hosts")
    return _page(request, "contests/host.html", contest, "host", f"/ws/contest/{contest.pk}/host/",
                 teams=contest.teams.all())


@login_required
def judge_panel(request, contest_id):
    contest = _staff_contest(request, contest_id, JUDGES, "judges")
    return _page(request, "contests/judge.html", contest, "judge", f"/ws/contest/{contest.pk}/judge/")


def big_screen(request, contest_id):
    contest = get_object_or_404(Contest, pk=contest_id)
    return _page(request, "contests/screen.html", contest, "screen", f"/ws/contest/{contest.pk}/screen/")


def team_join(request):
    form = AccessCodeForm(request.GET or None, address=request_address(request))
    if form.is_valid():
        return redirect("contests:team_pad", code=form.cleaned_data["code"])
    status = 429 if form.has_error("code", "too_many_attempts") else 200
    return render(request, "contests/team_join.html", {"form": form}, status=status)


def team_pad(request, code):
    """A team's pad, by the code in its link (its card's QR code); an unknown code counts as a
    guess (code_guard), and opening the pad gives the browser the code's pass."""
    code = code.upper()
    held = code in CODE_GUARD.passes(request.COOKIES)
    context = {"form": AccessCodeForm(initial={"code": code}, address=None)}
    try:
        team = find_team(code, request_address(request), passed=held)
    except TooManyAttempts:
        return render(request, "contests/team_join.html", {**context, "error": too_many_attempts()}, status=429)
    if team is None:
        return render(request, "contests/team_join.html", {**context, "error": UNKNOWN_CODE}, status=404)
    response = _page(request, "contests/team.html", team.contest, "team",
                     f"/ws/contest/{team.contest_id}/team/?code={team.access_code}", team=team)
    if not held:
        CODE_GUARD.grant(response, request.COOKIES, team.access_code)
    return response


@login_required
def team_qr(request, contest_id, team_id):
    """The QR code a team scans to open its pad (shown on the host console, printed on cards)."""
    contest = _staff_contest(request, contest_id, HOSTS, "hosts")
    team = get_object_or_404(Team, pk=team_id, contest=contest)
    url = request.build_absolute_uri(reverse("contests:team_pad", args=[team.access_code]))
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=4, title=team.name)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@login_required
def export_audit(request, contest_id):
    contest = _staff_contest(request, contest_id, HOSTS, "hosts")
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="contest-{contest.pk}-audit.xlsx"'
    audit_workbook(contest).save(response)
    return response


@login_required
@require_POST
def publish(request, contest_id):
    contest = _staff_contest(request, contest_id, HOSTS, "hosts")
    _page, review = request_results_publication(contest, request.user)
    if review is None:
        messages.error(request, _("No review workflow covers the results page: ask an administrator to assign one."))
    else:
        messages.success(request, _("The results page is submitted for review: a reviewer's approval publishes it."))
    return redirect("contests:host", contest.pk)


@login_required
@require_POST
def draw_questions(request, contest_id):
    """Draw every round's questions from its bank again; only before the contest starts."""
    contest = _staff_contest(request, contest_id, HOSTS, "hosts")
    if contest.phase != Phase.LOBBY:
        messages.error(request, _("Questions can only be drawn before the contest starts."))
    else:
        try:
            with transaction.atomic():
                for rnd in contest.rounds.all():
                    draw_round_questions(rnd)
            messages.success(request, _("The questions of every round are drawn."))
        except PaperError as error:
            messages.error(request, str(error))
    return redirect("contests:host", contest_id=contest.pk)
