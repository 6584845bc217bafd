"""The rules every question obeys, shared by the model's clean() and the spreadsheet import.

`question_problems()` returns (field, message) pairs so each caller can place a message where its
user looks: a form field in the admin, a spreadsheet column in the import report.
"""
from django.utils.translation import gettext as _

from .kinds import MAX_OPTION_LENGTH, OPTION_LABELS, Kind

TRUE_FALSE_OPTIONS = ("正确", "错误")
MIN_OPTIONS = 2
MAX_OPTIONS = len(OPTION_LABELS)


def question_problems(kind, stem, options):
    """Problems of a question; `options` are (text, is_correct) pairs in label order."""
    problems = []
    if not (stem or "").strip():
        problems.append(("stem", _("The stem is empty.")))
    texts = [(text or "").strip() for text, _correct in options]
    correct = sum(1 for _text, is_correct in options if is_correct)
    if kind not in Kind.values:
        problems.append(("kind", _("Unknown question type.")))
        return problems
    if any(not text for text in texts):
        problems.append(("options", _("An option is empty.")))
    if any(len(text) > MAX_OPTION_LENGTH for text in texts):
        problems.append(("options", _("An option is longer than %(max)d characters.") % {"max": MAX_OPTION_LENGTH}))
    duplicates = sorted({text for text in texts if text and texts.count(text) > 1})
    if duplicates:
        problems.append(("options", _("Duplicate options: %(texts)s.") % {"texts": "、".join(duplicates)}))
    if kind == Kind.TRUE_FALSE:
        if tuple(texts) != TRUE_FALSE_OPTIONS:
            problems.append(("options", _("A true/false question has exactly the two options 正确 and 错误.")))
        if correct != 1:
            problems.append(("answer", _("A true/false question has exactly one correct option.")))
        return problems
    if not MIN_OPTIONS <= len(texts) <= MAX_OPTIONS:
        problems.append(
            ("options", _("A question has %(min)d to %(max)d options.") % {"min": MIN_OPTIONS, "max": MAX_OPTIONS})
        )
    if kind == Kind.SINGLE and correct != 1:
        problems.append(("answer", _("A single-choice question has exactly one correct option.")))
    if kind == Kind.MULTIPLE and correct < 2:
        problems.append(("answer", _("A multiple-choice question has at least two correct options.")))
    return problems
