"""Turning spreadsheet rows into questions: parse and check every row first, then save all or none.

    report = parse_file(filename, data)          # nothing is saved yet
    report.problems                              # [RowProblem(row, column, reason), ...] in Chinese
    result = save_drafts(report.drafts, bank, update=False, skip_invalid=False)

The admin's upload page keeps the parsed drafts between its preview and its confirmation, so a
draft is plain data (see `QuestionDraft.as_dict`).
"""
from dataclasses import asdict, dataclass, field
from itertools import chain, islice

from django.db import transaction
from django.utils.translation import gettext as _

from core.taxonomy.models import CampaignArea, Venue
from core.imports.problems import RowProblem
from core.imports.spreadsheets import SpreadsheetError, read_rows

from . import columns
from .models import OPTION_LABELS, Option, Question
from .validation import TRUE_FALSE_OPTIONS, question_problems

HEADER_SEARCH_ROWS = 10
MAX_ROWS = 5000  # rows under the header, blank ones included (docs/question-banks.md)
REQUIRED_COLUMNS = {"kind": "题型", "stem": "题干", "answer": "答案"}
TRUE_FALSE_OPTION_SPELLINGS = {"对": "正确", "√": "正确", "是": "正确", "错": "错误", "×": "错误", "否": "错误"}


@dataclass
class QuestionDraft:
    row: int
    kind: str
    stem: str
    options: list
    answer: str  # correct labels, e.g. "ACD"
    explanation: str = ""
    difficulty: int = 1
    area_id: int | None = None
    venue_id: int | None = None
    points: int = 10
    source: str = ""

    def as_dict(self):
        return asdict(self)


@dataclass
class ParseReport:
    drafts: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    rows_read: int = 0

    @property
    def invalid_rows(self):
        return sorted({problem.row for problem in self.problems if problem.row})


@dataclass
class SaveResult:
    created: int = 0
    updated: int = 0
    skipped_existing: int = 0
    skipped_invalid: int = 0

    @property
    def imported(self):
        return self.created + self.updated


def parse_file(filename, data):
    """Parse a whole file. Raises spreadsheets.SpreadsheetError when the file cannot be read at all
    or has more than MAX_ROWS rows under its header."""
    rows = iter(read_rows(filename, data))
    top = list(islice(rows, HEADER_SEARCH_ROWS))
    report = ParseReport()
    if not top:
        report.problems.append(RowProblem(0, "", _("The file is empty.")))
        return report
    # The header is the first row naming the required columns: a title row may sit above it.
    header_at = next(
        (index for index, row in enumerate(top)
         if REQUIRED_COLUMNS.keys() <= {columns.header_key(cell) for cell in row}),
        None,
    )
    if header_at is None:
        found = {columns.header_key(cell) for cell in top[0]}
        missing = [name for key, name in REQUIRED_COLUMNS.items() if key not in found]
        report.problems.append(
            RowProblem(1, "", _("Missing column(s): %(columns)s.") % {"columns": "、".join(missing)})
        )
        return report
    keys = [columns.header_key(cell) for cell in top[header_at]]
    header_names = {key: columns.normalise(cell) for key, cell in zip(keys, top[header_at]) if key}
    terms = {"area": list(CampaignArea.objects.all()), "venue": list(Venue.objects.all())}
    for number, raw in enumerate(chain(top[header_at + 1:], rows), start=header_at + 2):
        if number - header_at - 1 > MAX_ROWS:
            # Refused whole, before the rows beyond the limit are read: nothing of it is saved.
            raise SpreadsheetError(
                _("The file has more than %(limit)d rows under its header; import at most %(limit)d at a time.")
                % {"limit": MAX_ROWS}
            )
        cells = {key: columns.normalise(value) for key, value in zip(keys, raw) if key}
        if not any(cells.values()):
            continue
        report.rows_read += 1
        draft, problems = parse_row(number, cells, header_names, terms)
        if problems:
            report.problems.extend(problems)
        else:
            report.drafts.append(draft)
    if not report.rows_read:
        report.problems.append(RowProblem(0, "", _("The file has no questions.")))
    return report


def parse_row(number, cells, header_names, terms):
    """(draft or None, problems) for one row; `cells` maps column keys to normalised text and
    `terms` holds the campaign areas and venues by column key."""
    problems = []

    def problem(key, reason):
        column = header_names.get(key) or columns.HEADERS.get(key, ["选项"])[0]
        problems.append(RowProblem(number, column, reason))

    def parsed(key, parser, *args):
        try:
            return parser(*args, cells.get(key, ""))
        except ValueError as error:
            problem(key, str(error))
            return None

    kind = parsed("kind", columns.parse_kind)
    options = [cells.get(f"option_{label}", "") for label in OPTION_LABELS]
    while options and not options[-1]:
        options.pop()
    if kind == Question.Kind.TRUE_FALSE:
        options = [TRUE_FALSE_OPTION_SPELLINGS.get(text, text) for text in options] or list(TRUE_FALSE_OPTIONS)
    draft = QuestionDraft(
        row=number,
        kind=kind,
        stem=cells.get("stem", ""),
        options=options,
        answer=parsed("answer", lambda text: columns.parse_answer(kind, text, len(options))) if kind else "",
        explanation=cells.get("explanation", ""),
        difficulty=parsed("difficulty", columns.parse_difficulty),
        points=parsed("points", columns.parse_points),
        source=cells.get("source", ""),
    )
    max_source = Question._meta.get_field("source").max_length
    if len(draft.source) > max_source:
        problem("source", _("The source is longer than %(max)d characters.") % {"max": max_source})
    area = parsed("area", columns.parse_term, terms["area"])
    venue = parsed("venue", columns.parse_term, terms["venue"])
    draft.area_id = area.pk if area else None
    draft.venue_id = venue.pk if venue else None
    if kind and draft.answer is not None:
        for key, reason in question_problems(kind, draft.stem, draft_options(draft)):
            problem(key, reason)
    return (None if problems else draft), problems


def draft_options(draft):
    return [(text, label in draft.answer) for label, text in zip(OPTION_LABELS, draft.options)]


def import_report(report, bank, *, update=False, skip_invalid=False):
    """All or nothing: a report with any problem saves nothing unless `skip_invalid` is set.
    Returns the SaveResult, or None when nothing was saved because of problems."""
    if report.problems and not (skip_invalid and report.drafts):
        return None
    result = save_drafts(report.drafts, bank, update=update)
    result.skipped_invalid = len(report.invalid_rows)
    return result


def save_drafts(drafts, bank, *, update=False):
    """Save parsed drafts into `bank` in one transaction. A stem already in the bank is skipped,
    or overwritten when `update` is set."""
    result = SaveResult()
    with transaction.atomic():
        existing = {question.stem: question for question in bank.questions.all()}
        for draft in drafts:
            draft = draft if isinstance(draft, QuestionDraft) else QuestionDraft(**draft)
            question = existing.get(draft.stem)
            if question and not update:
                result.skipped_existing += 1
                continue
            if question is None:
                question = Question(bank=bank)
                result.created += 1
            else:
                result.updated += 1
            for name in ("kind", "stem", "explanation", "difficulty", "area_id", "venue_id", "points", "source"):
                setattr(question, name, getattr(draft, name))
            question.options = [
                Option(text=text, is_correct=correct, sort_order=position)
                for position, (text, correct) in enumerate(draft_options(draft))
            ]
            question.save()
            existing[draft.stem] = question
    return result
