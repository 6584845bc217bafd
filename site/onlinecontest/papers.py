"""Drawing and scoring a set: questions and their options shuffled per attempt, points from the bank."""
import random

from django.core.cache import cache
from django.db.models import Count

from core.choices import is_correct
from quizzes.models import OPTION_LABELS, Question

BANK_CACHE_SECONDS = 60


class EmptyBank(Exception):
    pass


def bank_questions(bank_id):
    """{question id: number of options} of the bank's active questions, cached for a minute so a
    start does not read the whole bank."""
    key = f"onlinecontest:bank:{bank_id}"
    found = cache.get(key)
    if found is None:
        found = dict(
            Question.objects.filter(bank_id=bank_id, active=True).annotate(n=Count("options")).values_list("pk", "n")
        )
        cache.set(key, found, BANK_CACHE_SECONDS)
    return found


def draw(page, rng=None):
    """(question ids, {id: option labels in shown order}) for a new attempt."""
    rng = rng or random.SystemRandom()
    available = bank_questions(page.bank_id) if page.bank_id else {}
    if len(available) < page.question_count:
        raise EmptyBank
    ids = rng.sample(sorted(available), page.question_count)
    orders = {}
    for pk in ids:
        labels = list(OPTION_LABELS[: available[pk]])
        rng.shuffle(labels)
        orders[str(pk)] = labels
    return ids, orders


def questions_of(attempt):
    by_id = Question.objects.prefetch_related("options").select_related("image").in_bulk(attempt.question_ids)
    return [by_id[pk] for pk in attempt.question_ids if pk in by_id]


def shown(attempt, question):
    """What the participant sees: options in the attempt's order, shown letters A, B, … by
    position, each carrying its real label as the value sent back."""
    options = dict(question.labelled_options())
    order = attempt.option_orders.get(str(question.pk)) or list(options)
    return {
        "id": question.pk,
        "kind": question.kind,
        "stem": question.stem,
        "image": question.image,
        "options": [
            {"shown": OPTION_LABELS[position], "value": label, "text": options[label].text}
            for position, label in enumerate(label for label in order if label in options)
        ],
    }


def score(questions, form_data):
    """(answers {id: labels}, score, correct count, max score, wrong questions)."""
    answers, total, correct, max_score, wrong = {}, 0, 0, 0, []
    for question in questions:
        valid = set(OPTION_LABELS[: len(question.labelled_options())])
        chosen = "".join(sorted({value.strip().upper() for value in form_data.getlist(f"q{question.pk}")} & valid))
        answers[str(question.pk)] = chosen
        max_score += question.points
        if is_correct(chosen, question.correct_labels()):
            total += question.points
            correct += 1
        else:
            wrong.append(question)
    return answers, total, correct, max_score, wrong
