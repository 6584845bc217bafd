"""Export questions to .xlsx in the columns the importer reads, so a bank survives a round trip."""
from core.imports.spreadsheets import xlsx_bytes

from . import columns
from .models import Question

def question_row(question):
    options = {f"option_{label}": option.text for label, option in question.labelled_options()}
    correct = question.correct_labels()
    values = {
        "kind": columns.KIND_EXPORT[question.kind],
        "stem": question.stem,
        **options,
        "answer": ("正确" if correct == "A" else "错误") if question.kind == Question.Kind.TRUE_FALSE else correct,
        "explanation": question.explanation,
        "difficulty": question.difficulty,
        "area": question.area.name if question.area else "",
        "venue": question.venue.name if question.venue else "",
        "points": question.points,
        "source": question.source,
    }
    return [values.get(key, "") for key in columns.EXPORT_COLUMNS]

def export_xlsx(questions, title):
    """The questions (a queryset or list) as the bytes of an .xlsx workbook."""
    if hasattr(questions, "select_related"):
        questions = questions.select_related("area", "venue").prefetch_related("options")
    header = [columns.HEADERS[key][0] for key in columns.EXPORT_COLUMNS]
    return xlsx_bytes(header, (question_row(question) for question in questions), title)
