"""Drawing and scoring a set: questions and their options shuffled per attempt, points from the
bank; the questions come from each process's copy of the bank (play_cache)."""
import random

from core.choices import is_correct
from quizzes.models import OPTION_LABELS, Question
from quizzes.papers import PaperError, draw_paper

from . import play_cache


class EmptyBank(Exception):
    """The bank has too few questions for a set; a message, when there is one, says which are missing."""


def draw_by_mix(rules, rng):
    """Question ids for the contest's rows of “questions to draw” (quizzes.papers), shuffled. Reads
    the bank from the database: a mix is for the smaller quizzes, the plain draw for the crowds."""
    try:
        questions = draw_paper(Question.objects.filter(bank_id=rules.bank_id, active=True), list(rules.mix),
                               rng.getrandbits(64))
    except PaperError as error:
        raise EmptyBank(str(error)) from error
    ids = [question.pk for question in questions]
    rng.shuffle(ids)
    return ids


def draw(rules, rng=None):
    """(question ids, {id: option labels in shown order}) for a new attempt of the contest whose
    settings are `rules` (a page or its ContestRules): any questions of the bank, or by its mix."""
    rng = rng or random.SystemRandom()
    available = {
        pk: question for pk, question in (play_cache.bank(rules.bank_id) if rules.bank_id else {}).items()
        if question.active
    }
    if rules.bank_id and rules.mix:
        ids = [pk for pk in draw_by_mix(rules, rng) if pk in available]
    elif len(available) < rules.question_count:
        raise EmptyBank
    else:
        ids = rng.sample(sorted(available), rules.question_count)
    orders = {}
    for pk in ids:
        labels = list(available[pk].labels())
        rng.shuffle(labels)
        orders[str(pk)] = labels
    return ids, orders


def questions_of(bank_id, attempt):
    return play_cache.questions(bank_id, attempt.question_ids)


def shown(attempt, question):
    """What the participant sees: options in the attempt's order, shown letters A, B, … by
    position, each carrying its real label as the value sent back."""
    texts = dict(zip(question.labels(), question.options))
    order = attempt.option_orders.get(str(question.pk)) or list(texts)
    return {
        "id": question.pk,
        "kind": question.kind,
        "stem": question.stem,
        "image": question.image,
        "options": [
            {"shown": OPTION_LABELS[position], "value": label, "text": texts[label]}
            for position, label in enumerate(label for label in order if label in texts)
        ],
    }


def score(questions, form_data):
    """(answers {id: labels}, score, correct count, max score, wrong questions)."""
    answers, total, correct, max_score, wrong = {}, 0, 0, 0, []
    for question in questions:
        valid = set(question.labels())
        chosen = "".join(sorted({value.strip().upper() for value in form_data.getlist(f"q{question.pk}")} & valid))
        answers[str(question.pk)] = chosen
        max_score += question.points
        if is_correct(chosen, question.correct):
            total += question.points
            correct += 1
        else:
            wrong.append(question)
    return answers, total, correct, max_score, wrong
