"""What the online quiz page's routes do: start an attempt, show the paper, score it, show results.

The visitor is identified by a signed cookie (no account needed); the daily attempt limit counts
that visitor's attempts on this page since local midnight.
"""
import uuid
from datetime import timedelta

from django.core.signing import BadSignature
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from core import ranking
from core.choices import is_correct
from quizzes.models import Question
from quizzes.papers import PaperError

from .forms import StartForm
from .attempts import Attempt
from .scoring import score_paper

VISITOR_COOKIE = "onlinequiz_visitor"
VISITOR_SALT = "onlinequiz.visitor"
VISITOR_COOKIE_AGE = 365 * 24 * 3600
# Network and the page's own auto-submit at zero need a moment; anything later is refused.
SUBMIT_GRACE = timedelta(seconds=5)
LEADERBOARD_SIZE = 10


def visitor_id(request):
    try:
        return uuid.UUID(request.get_signed_cookie(VISITOR_COOKIE, salt=VISITOR_SALT))
    except (KeyError, BadSignature, ValueError):
        return None


def attempts_today(page, visitor):
    if visitor is None:
        return 0
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return page.attempts.filter(visitor=visitor, started_at__gte=midnight).count()


def leaderboard(page):
    return page.attempts.filter(status=Attempt.Status.SCORED).exclude(name="").order_by(
        "-score", "duration_ms", "submitted_at"
    )[:LEADERBOARD_SIZE]


def quiz_index(page, request, form=None, error="", status=200):
    visitor = visitor_id(request)
    used = attempts_today(page, visitor)
    open_attempt = None
    if visitor:
        open_attempt = page.attempts.filter(
            visitor=visitor, status=Attempt.Status.OPEN, deadline__gt=timezone.now()
        ).first()
    response = page.render(
        request,
        context_overrides={
            "form": form or StartForm(),
            "start_url": page.url + page.reverse_subpage("start_route"),
            "error": error,
            "attempts_left": max(page.attempts_per_day - used, 0),
            "open_attempt": open_attempt,
            "leaderboard": leaderboard(page) if page.show_leaderboard else None,
            "time_limit_minutes": page.time_limit // 60 if page.time_limit % 60 == 0 else round(page.time_limit / 60, 1),
        },
    )
    response.status_code = status
    return response


def start_attempt(page, request):
    if request.method != "POST":
        return redirect(page.url)
    form = StartForm(request.POST)
    if not form.is_valid():
        return quiz_index(page, request, form=form, status=400)
    visitor = visitor_id(request) or uuid.uuid4()
    if attempts_today(page, visitor) >= page.attempts_per_day:
        message = _("You have used all %(count)d attempts for today. Come back tomorrow!") % {
            "count": page.attempts_per_day
        }
        return quiz_index(page, request, form=form, error=message, status=429)
    seed = uuid.uuid4().int
    try:
        questions = page.draw(seed) if page.bank else []
    except PaperError as error:
        return quiz_index(page, request, form=form, error=str(error), status=503)
    if not questions:
        return quiz_index(page, request, form=form, error=_("This quiz has no questions yet."), status=503)
    now = timezone.now()
    attempt = Attempt.objects.create(
        page=page,
        visitor=visitor,
        name=form.cleaned_data["name"].strip(),
        unit=form.cleaned_data["unit"].strip(),
        question_ids=[question.pk for question in questions],
        started_at=now,
        deadline=now + timedelta(seconds=page.time_limit),
    )
    response = redirect(attempt.url())
    response.set_signed_cookie(
        VISITOR_COOKIE, str(visitor), salt=VISITOR_SALT, max_age=VISITOR_COOKIE_AGE, httponly=True, samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def own_attempt(page, request, token):
    """The attempt, only for the visitor who started it."""
    attempt = page.attempts.filter(token=token).first()
    if attempt is None or attempt.visitor != visitor_id(request):
        raise Http404
    return attempt


def paper(attempt):
    """The attempt's questions in paper order (a question deleted meanwhile is left out)."""
    by_id = Question.objects.prefetch_related("options").select_related("image").in_bulk(attempt.question_ids)
    return [by_id[pk] for pk in attempt.question_ids if pk in by_id]


def take_attempt(page, request, token):
    attempt = own_attempt(page, request, token)
    if attempt.status != Attempt.Status.OPEN:
        return redirect(attempt.result_url())
    if request.method == "POST":
        return submit(page, request, attempt)
    now = timezone.now()
    if now > attempt.deadline + SUBMIT_GRACE:
        Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.OPEN).update(status=Attempt.Status.LATE)
        return redirect(attempt.result_url())
    questions = paper(attempt)
    remaining_ms = max(int((attempt.deadline - now).total_seconds() * 1000), 0)
    minutes, seconds = divmod(remaining_ms // 1000, 60)
    return page.render(
        request,
        template="onlinequiz/attempt.html",
        context_overrides={
            "attempt": attempt,
            # Only what players may see: never which option is correct, nor the explanation.
            "questions": [dict(question.public_payload(), image=question.image) for question in questions],
            "remaining_ms": remaining_ms,
            "remaining_clock": f"{minutes}:{seconds:02d}",
            "action_url": request.path,
        },
    )


def submit(page, request, attempt):
    now = timezone.now()
    with transaction.atomic():
        # Lock the row so a double submission is scored once.
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.status != Attempt.Status.OPEN:
            return redirect(attempt.result_url())
        if now > attempt.deadline + SUBMIT_GRACE:
            attempt.status = Attempt.Status.LATE
            attempt.submitted_at = now
            attempt.save(update_fields=["status", "submitted_at"])
            response = attempt_result(page, request, attempt.token)
            response.status_code = 403
            return response
        attempt.answers, attempt.score, attempt.correct_count, attempt.max_score = score_paper(
            paper(attempt), request.POST
        )
        attempt.status = Attempt.Status.SCORED
        attempt.submitted_at = now
        attempt.duration_ms = int((now - attempt.started_at).total_seconds() * 1000)
        attempt.save()
    return redirect(attempt.result_url())


def rank(attempt):
    """(place, number of scored attempts): a higher score ranks first, then a shorter time."""
    scored = attempt.page.attempts.filter(status=Attempt.Status.SCORED)
    better = scored.filter(score__gt=attempt.score).count() + scored.filter(
        score=attempt.score, duration_ms__lt=attempt.duration_ms
    ).count()
    return ranking.place(better), scored.count()


def attempt_result(page, request, token):
    attempt = own_attempt(page, request, token)
    if attempt.status == Attempt.Status.OPEN:
        if timezone.now() <= attempt.deadline + SUBMIT_GRACE:
            return redirect(attempt.url())
        Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.OPEN).update(status=Attempt.Status.LATE)
        attempt.refresh_from_db()
    review = []
    if attempt.status == Attempt.Status.SCORED:
        for question in paper(attempt):
            chosen = attempt.answers.get(str(question.pk), "")
            correct = question.correct_labels()
            review.append({
                "question": question,
                "options": question.labelled_options(),
                "chosen": chosen,
                "correct": correct,
                "is_right": is_correct(chosen, correct),
            })
    place, total = rank(attempt) if attempt.status == Attempt.Status.SCORED else (None, None)
    return page.render(
        request,
        template="onlinequiz/result.html",
        context_overrides={"attempt": attempt, "review": review, "place": place, "total": total},
    )
