"""Scoring a submitted paper on the server. Only the question ids of the attempt count, only the
labels a question really has are read, and the points come from the bank, never from the form."""
from core.choices import is_correct
from quizzes.models import OPTION_LABELS


def chosen_labels(question, values):
    """The labels a visitor ticked, cleaned: unknown labels are dropped, sorted, e.g. "AC"."""
    valid = set(OPTION_LABELS[: len(question.labelled_options())])
    return "".join(sorted({value.strip().upper() for value in values} & valid))


def score_paper(questions, form_data):
    """(answers by question id, score, correct count, max score) for `questions` in paper order;
    `form_data` is request.POST (field `q<id>`, one value per ticked option)."""
    answers, score, correct_count, max_score = {}, 0, 0, 0
    for question in questions:
        chosen = chosen_labels(question, form_data.getlist(f"q{question.pk}"))
        answers[str(question.pk)] = chosen
        max_score += question.points
        if is_correct(chosen, question.correct_labels()):
            score += question.points
            correct_count += 1
    return answers, score, correct_count, max_score
