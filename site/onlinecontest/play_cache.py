"""What the play endpoints (play.py) read on every request, kept in each process: a contest's
settings (a snapshot of its live page, `ContestRules`) and its bank's questions with their options
(`PaperQuestion`), built once and shuffled per attempt.

Every change that could alter them (a contest page saved, published, unpublished, moved or
deleted, a view restriction, a question, option or bank saved or deleted: signals.py) replaces
the generation token in the shared cache when its transaction commits. Each process re-reads the
token at most once a second (core.generation) and drops its copies when it changed: the process
that made the change at once, the others within a second of the commit. When the shared cache cannot be read nothing is kept, and every
request reads the database.
"""
from dataclasses import dataclass

from django.apps import apps
from wagtail.models import PageViewRestriction

from core.generation import SharedGeneration
from quizzes.models import OPTION_LABELS, Question

IMAGE_SPEC = "width-640"

_local = {"rules": {}, "banks": {}}
generation = SharedGeneration("onlinecontest:generation", on_change=lambda: _local.update(rules={}, banks={}))
bump = generation.bump


@dataclass(frozen=True)
class ContestRules:
    """The live page's settings the play endpoints need (duck-types the page for views.phase,
    views.quota and certificates.passed)."""

    page_id: int
    title: str
    url: str
    cookie_identity: bool  # visitors known by a cookie, not signed-in accounts
    bank_id: int | None
    question_count: int
    time_limit: int
    starts_at: object
    ends_at: object
    attempts_per_day: int
    attempts_total: int
    practice_per_day: int
    max_tab_switches: int
    pass_percent: int
    draw_min_correct: int
    mix: tuple  # the rows of “questions to draw” as quizzes.papers requirements; () for any questions
    restricted: bool  # a view restriction on the page or an ancestor: checked per request then

    def result_url(self, token):
        page_model = apps.get_model("onlinecontest", "OnlineContestPage")
        return self.url + page_model.get_resolver().reverse("result_route", token=token)


@dataclass(frozen=True)
class PaperQuestion:
    """A question as a paper shows and scores it; options are texts in label order (A, B, …)."""

    pk: int
    kind: str
    stem: str
    explanation: str
    points: int
    options: tuple
    correct: str
    image: dict | None
    active: bool

    def correct_labels(self):
        return self.correct

    def labels(self):
        return OPTION_LABELS[: len(self.options)]


def clear():
    """Drop this process's copies (a change in this process; tests, whose ids repeat)."""
    generation.forget()


def _build_rules(page_id):
    page = apps.get_model("onlinecontest", "OnlineContestPage").objects.live().filter(pk=page_id).first()
    if page is None:
        return None
    ancestors = page.get_ancestors(inclusive=True).values_list("pk", flat=True)
    return ContestRules(
        page_id=page.pk, title=page.title, url=page.url, cookie_identity=page.identity == page.Identity.COOKIE, bank_id=page.bank_id,
        question_count=page.question_count, time_limit=page.time_limit, starts_at=page.starts_at,
        ends_at=page.ends_at, attempts_per_day=page.attempts_per_day, attempts_total=page.attempts_total,
        practice_per_day=page.practice_per_day, max_tab_switches=page.max_tab_switches,
        pass_percent=page.pass_percent, draw_min_correct=page.draw_min_correct, mix=tuple(page.mix),
        restricted=PageViewRestriction.objects.filter(page__in=ancestors).exists(),
    )


def rules(page_id):
    """The ContestRules of a live contest page, or None (no such page, or not live)."""
    if generation.current() is None:
        return _build_rules(page_id)
    found = _local["rules"].get(page_id, _missing)
    if found is _missing:
        found = _local["rules"][page_id] = _build_rules(page_id)
    return found


_missing = object()


def _image(image):
    if image is None:
        return None
    rendition = image.get_rendition(IMAGE_SPEC)
    return {"src": rendition.url, "width": rendition.width, "height": rendition.height,
            "alt": image.default_alt_text or ""}


def _paper_questions(queryset):
    found = {}
    for question in queryset.select_related("image").prefetch_related("options"):
        texts = [option.text for option in question.options.all()]
        found[question.pk] = PaperQuestion(
            pk=question.pk, kind=question.kind, stem=question.stem, explanation=question.explanation,
            points=question.points, options=tuple(texts), correct=question.correct_labels(),
            image=_image(question.image), active=question.active,
        )
    return found


def bank(bank_id):
    """{question id: PaperQuestion} of every question of the bank, active or not."""
    if generation.current() is None:
        return _paper_questions(Question.objects.filter(bank_id=bank_id))
    found = _local["banks"].get(bank_id)
    if found is None:
        found = _local["banks"][bank_id] = _paper_questions(Question.objects.filter(bank_id=bank_id))
    return found


def questions(bank_id, ids):
    """The PaperQuestions of these ids in this order: from the bank's copy, and from the database
    for any that are not in it (the page's bank was changed during the attempt); deleted ones
    are left out."""
    known = bank(bank_id) if bank_id else {}
    missing = [pk for pk in ids if pk not in known]
    if missing:
        known = {**known, **_paper_questions(Question.objects.filter(pk__in=missing))}
    return [known[pk] for pk in ids if pk in known]
