"""What the contest page's routes do; a set's own requests (start, paper, hand-in, tab events) are
in play.py. Identity in identity.py, sets in papers.py, counters and rankings in tallies.py,
certificates and draws in their own modules."""
import uuid
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core.accounts import weixin
from core.choices import is_correct
from core.compiled_sql import CompiledRead

from . import certificates, draws, identity, papers, tallies
from .forms import JoinForm
from .records import Certificate, ContestAttempt, Mistake, Participant

# The network and the page's own hand-in at zero need a moment; anything later is refused.
SUBMIT_GRACE = timedelta(seconds=5)
MISTAKES_SHOWN = 200


def midnight():
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def phase(page):
    now = timezone.now()
    if page.starts_at and now < page.starts_at:
        return "before"
    if page.ends_at and now >= page.ends_at:
        return "after"
    return "open"


# A participant's sets: contest ones today and in all, practice ones today (compiled once: start's hot path).
ATTEMPT_COUNTS = CompiledRead(
    lambda pk, since: Participant.objects.filter(pk=pk).only("pk").annotate(
        contest_today=Count("attempts", filter=Q(attempts__started_at__gte=since, attempts__practice=False)),
        practice_today=Count("attempts", filter=Q(attempts__started_at__gte=since, attempts__practice=True)),
        total=Count("attempts", filter=Q(attempts__practice=False)),
    ),
    pk=Participant._meta.get_field("id"), since=ContestAttempt._meta.get_field("started_at"),
)


def quota(page, participant):
    """{"today", "total", "practice"}: contest attempts left today and in all, practice sets left today
    (`page` may be the page or its ContestRules). One query."""
    if participant is None:
        return {"today": page.attempts_per_day, "total": page.attempts_total, "practice": page.practice_per_day}
    counts = ATTEMPT_COUNTS.first(pk=participant.pk, since=midnight())
    return {
        "today": max(min(page.attempts_per_day - counts.contest_today, page.attempts_total - counts.total), 0),
        "total": max(page.attempts_total - counts.total, 0),
        "practice": max(page.practice_per_day - counts.practice_today, 0),
    }


def quota_refusal(page, left, practice):
    """(message, status) when a new set of this kind is not allowed, ("", 200) when it is."""
    if practice and not left["practice"]:
        return _("No practice sets left today. Come back tomorrow!"), 429
    if not practice and not left["total"]:
        return _("You have used all %(count)d attempts of this contest.") % {"count": page.attempts_total}, 429
    if not practice and not left["today"]:
        return _("You have used all %(count)d attempts for today. Come back tomorrow!") % {
            "count": page.attempts_per_day}, 429
    return "", 200


def sign_in_url(page):
    return f"{reverse('account_request_login_code')}?{urlencode({'next': page.url})}"


def contest_index(page, request, form=None, error="", status=200):
    participant = identity.participant(page, request)
    open_attempt = None
    if participant:
        open_attempt = participant.attempts.filter(
            status=ContestAttempt.Status.OPEN, deadline__gt=timezone.now()
        ).order_by("-started_at").first()
    response = page.render(request, context_overrides={
        "phase": phase(page),
        "signed_in": identity.signed_in(page, request),
        "sign_in_url": sign_in_url(page),
        "weixin_login_url": weixin.login_url(page.url),
        "participant": participant,
        "form": form or JoinForm(),
        "quota": quota(page, participant),
        "open_attempt": open_attempt,
        "error": error,
        "certificate": Certificate.objects.filter(participant=participant).first() if participant else None,
        "units": tallies.unit_ranking(page)[:10],
        "towns": tallies.town_ranking(page)[:10],
        "top": tallies.top_participants(page),
    })
    response.status_code = status
    return response


def join(page, request):
    if request.method != "POST":
        return redirect(page.url)
    if not identity.signed_in(page, request):
        return redirect(sign_in_url(page))
    form = JoinForm(request.POST)
    if not form.is_valid():
        return contest_index(page, request, form=form, status=400)
    if identity.participant(page, request):
        return redirect(page.url)
    unit = form.cleaned_data["unit"]
    fields = {"page": page, "name": form.cleaned_data["name"], "unit": unit, "town_id": unit.town_id}
    visitor = None
    if page.identity == page.Identity.COOKIE:
        visitor = identity.visitor_id(request) or uuid.uuid4()
        fields["visitor"] = visitor
    else:
        fields["user"] = request.user
    try:
        with transaction.atomic():
            Participant.objects.create(**fields)
    except IntegrityError:  # joined a moment ago in another tab
        pass
    response = redirect(page.url)
    if visitor:
        identity.set_visitor_cookie(response, request, visitor)
    return response


def own_attempt(page, request, token):
    where = identity.lookup(page, request)
    attempt = None
    if where is not None:
        attempt = ContestAttempt.objects.select_related("participant").filter(
            token=token, page=page, **{f"participant__{key}": value for key, value in where.items() if key != "page"}
        ).first()
    if attempt is None:
        raise Http404
    return attempt


def result(page, request, token):
    attempt = own_attempt(page, request, token)
    if attempt.status == ContestAttempt.Status.OPEN:
        if timezone.now() <= attempt.deadline + SUBMIT_GRACE:
            return redirect(attempt.url())
        ContestAttempt.objects.filter(pk=attempt.pk, status=ContestAttempt.Status.OPEN).update(
            status=ContestAttempt.Status.LATE)
        attempt.refresh_from_db()
    review = []
    if attempt.status == ContestAttempt.Status.SCORED:
        for question in papers.questions_of(page.bank_id, attempt):
            # Shown as the paper showed it: the attempt's option order and letters.
            shown = papers.shown(attempt, question)
            letter = {option["value"]: option["shown"] for option in shown["options"]}
            chosen = attempt.answers.get(str(question.pk), "")
            correct = question.correct_labels()
            review.append({
                "question": question,
                "options": [(option["shown"], option["text"]) for option in shown["options"]],
                "chosen": "".join(sorted(letter.get(label, "") for label in chosen)),
                "correct": "".join(sorted(letter.get(label, "") for label in correct)),
                "is_right": is_correct(chosen, correct),
            })
    draw = attempt.draw if hasattr(attempt, "draw") else None
    place, ranked = (None, None) if attempt.practice or attempt.status != ContestAttempt.Status.SCORED else (
        tallies.place(attempt.participant))
    return page.render(request, template="onlinecontest/result.html", context_overrides={
        "attempt": attempt,
        "review": review,
        "draw": draw,
        "can_draw": not attempt.practice and draws.can_draw(page, attempt),
        "draw_url": page.route_url("draw_route", token=attempt.token),
        "passed": not attempt.practice and certificates.passed(page, attempt),
        "place": place,
        "ranked": ranked,
    })


def lucky_draw(page, request, token):
    if request.method != "POST":
        return redirect(page.url)
    attempt = own_attempt(page, request, token)
    with transaction.atomic():
        Participant.objects.select_for_update().get(pk=attempt.participant_id)
        try:
            draws.draw(page, attempt)
        except draws.NoDraw:
            pass  # the result page says what is possible
    return redirect(attempt.result_url())


def mistakes_book(page, request):
    participant = identity.participant(page, request)
    if participant is None:
        return redirect(page.url)
    mistakes = (
        Mistake.objects.filter(participant=participant).select_related("question")
        .prefetch_related("question__options").order_by("-last_wrong_at")[:MISTAKES_SHOWN]
    )
    return page.render(request, template="onlinecontest/mistakes.html", context_overrides={
        "mistakes": [
            {"mistake": mistake, "question": mistake.question, "options": mistake.question.labelled_options(),
             "correct": mistake.question.correct_labels()}
            for mistake in mistakes
        ],
    })


def rankings_page(page, request):
    return page.render(request, template="onlinecontest/rankings.html", context_overrides={
        "units": tallies.unit_ranking(page),
        "towns": tallies.town_ranking(page),
        "top": tallies.top_participants(page),
    })


def verify_url(page, request, certificate):
    return request.build_absolute_uri(page.route_url("verify_route", serial=certificate.serial))


def own_certificate(page, request):
    participant = identity.participant(page, request)
    certificate = Certificate.objects.select_related("participant__unit", "participant__town", "page").filter(
        participant=participant).first() if participant else None
    if certificate is None:
        raise Http404
    return certificate


def certificate_labels(certificate):
    return {
        "title": _("Certificate"),
        "score": _("Score: %(score)d / %(max)d") % {"score": certificate.score, "max": certificate.max_score},
        "text": _("has passed this safety knowledge contest."),
        "date": _("Date: %(date)s") % {"date": timezone.localtime(certificate.issued_at).date().isoformat()},
        "serial": _("Serial number: %(serial)s") % {"serial": certificate.serial},
        "scan": _("Scan to verify"),
    }


def certificate_file(page, request, draw, content_type, extension):
    certificate = own_certificate(page, request)
    response = HttpResponse(draw(certificate, verify_url(page, request, certificate), certificate_labels(certificate)),
                            content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.serial}.{extension}"'
    return response


def certificate_image(page, request):
    return certificate_file(page, request, certificates.png, "image/png", "png")


def certificate_pdf(page, request):
    return certificate_file(page, request, certificates.pdf, "application/pdf", "pdf")


def verify_certificate(page, request, serial):
    certificate = Certificate.objects.select_related("participant__unit", "participant__town").filter(
        page=page, serial=serial).first()
    response = page.render(request, template="onlinecontest/verify.html", context_overrides={
        "certificate": certificate, "serial": serial,
        "shown_name": tallies.masked_name(certificate.participant.name) if certificate else "",
    })
    if certificate is None:
        response.status_code = 404
    return response
