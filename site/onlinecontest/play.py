"""The hot path of a set: start, the paper, the hand-in and tab events, on plain Django URLs
(urls.py) instead of the page's Wagtail routing, so that each request skips the site and page
lookups, the view restrictions' query, the user's load and group check, and the page's menu and
user bar. The page's settings and the bank's questions come from each process's copy
(play_cache); who plays comes from the session or the visitor cookie and is checked on the
participant row each request reads anyway (identity.may_play). Every rule of the page's own
views holds: limits counted under the participant's row lock, the deadline kept by the server,
per-attempt shuffles, practice, mistakes, draws earned, certificates and the unit counters.
"""
import json
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from core.accounts.mfa_required import grants_no_staff_power
from core import compiled_sql
from core.compiled_sql import CompiledRead

from . import certificates, identity, mistakes, papers, play_cache, tallies, views
from .models import OnlineContestPage
from .records import ContestAttempt, Participant

EVENT_KINDS = {"hidden": "page_hides", "blur": "tab_switches"}


def _in_a_group(user_field):
    return Exists(get_user_model().groups.through.objects.filter(user_id=OuterRef(user_field)))


def _participant_read(who):
    """The participant of a page by account or visitor, with its account and group check, locked."""
    return CompiledRead(
        lambda page_id, value: Participant.objects.select_related("user").annotate(in_a_group=_in_a_group("user_id"))
        .select_for_update(of=("self",)).filter(page_id=page_id, **{who: value}),
        page_id=Participant._meta.get_field("page"), value=Participant._meta.get_field(who),
    )


def _attempt_read(lock):
    """An attempt by its token with its participant, account and group check (both rows locked)."""
    def build(token):
        attempts = ContestAttempt.objects.select_related("participant__user").annotate(
            in_a_group=_in_a_group("participant__user_id"))
        return (attempts.select_for_update(of=("self", "participant")) if lock else attempts).filter(token=token)
    return CompiledRead(build, token=ContestAttempt._meta.get_field("token"))


PARTICIPANT_READS = {"user_id": _participant_read("user_id"), "visitor": _participant_read("visitor")}
ATTEMPT_READS = {False: _attempt_read(False), True: _attempt_read(True)}


def _restriction_refused(rules, request):
    """A view restriction (password, sign-in, groups) on the page or above it, checked as
    Wagtail's serve does; only restricted pages pay the queries."""
    if not rules.restricted:
        return False
    restrictions = Page.objects.get(pk=rules.page_id).get_view_restrictions()
    return any(not restriction.accept_request(request) for restriction in restrictions)


def _refusal(rules, request, message, status):
    """The contest page itself with the reason, as the page's own views answer a refusal."""
    page = OnlineContestPage.objects.get(pk=rules.page_id)
    return views.contest_index(page, request, error=message, status=status)


@grants_no_staff_power
@require_POST
def start(request, page_id):
    rules = play_cache.rules(page_id)
    if rules is None:
        raise Http404
    if _restriction_refused(rules, request):
        return redirect(rules.url)
    where = identity.play_filter(rules, request)
    if where is None:
        return redirect(rules.url)
    if views.phase(rules) != "open":
        return _refusal(rules, request, _("The contest is not open."), 403)
    practice = request.POST.get("mode") == "practice"
    with transaction.atomic():
        # The participant's row is locked while counting: two browsers of one person wait for
        # each other, so neither gets an extra attempt.
        (who, value), = where.items()
        participant = PARTICIPANT_READS[who].first(page_id=page_id, value=value)
        if participant is None or not identity.may_play(rules, request, participant, participant.in_a_group):
            return redirect(rules.url)
        message, status = views.quota_refusal(rules, views.quota(rules, participant), practice)
        if not message:
            try:
                ids, orders = papers.draw(rules)
            except papers.EmptyBank as error:
                message, status = str(error) or _("This contest has no questions yet."), 503
            else:
                now = timezone.now()
                attempt = compiled_sql.insert(ContestAttempt(
                    page_id=page_id, participant=participant, practice=practice, question_ids=ids,
                    option_orders=orders, started_at=now, deadline=now + timedelta(seconds=rules.time_limit),
                ))
                return redirect(attempt.url())
    return _refusal(rules, request, message, status)


def _own_attempt(request, token, lock=False):
    """(attempt, rules) of the request's own attempt, its participant and account read with it
    (and locked with `lock`); Http404 for anyone else's."""
    attempt = ATTEMPT_READS[lock].first(token=token)
    rules = play_cache.rules(attempt.page_id) if attempt else None
    if rules is None or _restriction_refused(rules, request):
        raise Http404
    where = identity.play_filter(rules, request)
    participant = attempt.participant
    if where is None or any(getattr(participant, field) != value for field, value in where.items()):
        raise Http404
    if not identity.may_play(rules, request, participant, attempt.in_a_group):
        raise Http404
    return attempt, rules


@grants_no_staff_power
@require_http_methods(["GET", "HEAD", "POST"])
def attempt_view(request, token):
    if request.method == "POST":
        return hand_in(request, token)
    attempt, rules = _own_attempt(request, token)
    if attempt.status != ContestAttempt.Status.OPEN:
        return redirect(rules.result_url(attempt.token))
    now = timezone.now()
    if now > attempt.deadline + views.SUBMIT_GRACE:
        ContestAttempt.objects.filter(pk=attempt.pk, status=ContestAttempt.Status.OPEN).update(
            status=ContestAttempt.Status.LATE)
        return redirect(rules.result_url(attempt.token))
    remaining_ms = max(int((attempt.deadline - now).total_seconds() * 1000), 0)
    minutes, seconds = divmod(remaining_ms // 1000, 60)
    return render(request, "onlinecontest/play/paper.html", {
        "rules": rules,
        "attempt": attempt,
        "questions": [papers.shown(attempt, question) for question in papers.questions_of(rules.bank_id, attempt)],
        "remaining_ms": remaining_ms,
        "remaining_clock": f"{minutes}:{seconds:02d}",
        "action_url": request.path,
        "events_url": attempt.events_url(),
    })


def hand_in(request, token):
    """Score the set in one transaction: the attempt and its participant locked by the read that
    finds them, then an UPDATE of each and one upsert each for the unit's counters, the
    certificate and the mistakes book."""
    now = timezone.now()
    with transaction.atomic():
        attempt, rules = _own_attempt(request, token, lock=True)
        result = redirect(rules.result_url(attempt.token))
        if attempt.status != ContestAttempt.Status.OPEN:
            return result
        attempt.submitted_at = now
        if now > attempt.deadline + views.SUBMIT_GRACE:
            attempt.status = ContestAttempt.Status.LATE
            compiled_sql.update(attempt, ["status", "submitted_at"])
            return result
        questions = papers.questions_of(rules.bank_id, attempt)
        answers, score, correct, max_score, wrong = papers.score(questions, request.POST)
        attempt.answers, attempt.score, attempt.correct_count, attempt.max_score = answers, score, correct, max_score
        attempt.status = ContestAttempt.Status.SCORED
        attempt.duration_ms = int((now - attempt.started_at).total_seconds() * 1000)
        participant = attempt.participant
        if not attempt.practice:
            attempt.draw_earned = correct >= rules.draw_min_correct
        compiled_sql.update(attempt, [
            "submitted_at", "status", "answers", "score", "correct_count", "max_score", "duration_ms", "draw_earned",
        ])
        if not attempt.practice:
            tallies.record_best(participant, score, attempt.duration_ms)
            if certificates.passed(rules, attempt):
                certificates.issue(rules.page_id, participant, attempt)
        mistakes.record(participant, wrong, answers, now)
    return result


@grants_no_staff_power
def record_event(request, token):
    """Tab switches and page hides during an attempt (sent by the page's script); recorded, shown
    to staff, and handing the set in only when the page caps switches."""
    if request.method != "POST":
        return JsonResponse({"error": "POST only"}, status=405)
    attempt, rules = _own_attempt(request, token)
    try:
        kind = json.loads(request.body or b"{}").get("kind")
    except (ValueError, AttributeError):
        kind = None
    field = EVENT_KINDS.get(kind)
    if field is None:
        return JsonResponse({"error": _("Unknown event.")}, status=400)
    if attempt.status == ContestAttempt.Status.OPEN:
        ContestAttempt.objects.filter(pk=attempt.pk).update(**{field: F(field) + 1})
        attempt.refresh_from_db(fields=["tab_switches", "page_hides"])
    switches = attempt.tab_switches + attempt.page_hides
    hand_in_now = bool(rules.max_tab_switches) and switches > rules.max_tab_switches
    return JsonResponse({"switches": switches, "hand_in": hand_in_now})
