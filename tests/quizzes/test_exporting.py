import io

import pytest
from openpyxl import load_workbook

from quizzes import demo
from quizzes.exporting import export_xlsx
from quizzes.importing import import_report, parse_file
from quizzes.models import Question
from tests.quizzes.factories import make_bank, make_question

pytestmark = pytest.mark.django_db


def snapshot(bank):
    return [
        (q.kind, q.stem, [(o.text, o.is_correct) for o in q.options.all()], q.explanation, q.difficulty,
         q.area_id, q.venue_id, q.points, q.source)
        for q in bank.questions.order_by("stem").prefetch_related("options")
    ]


def test_export_then_import_into_a_new_bank_gives_identical_questions():
    demo.load()
    original = Question.objects.first().bank
    make_question(original, "八个选项的多选题？", kind="multiple", options=list("甲乙丙丁戊己庚辛"), correct="BDH",
                  area="construction", venue="office", difficulty=3, points=30)
    data = export_xlsx(original.questions.all(), original.name)
    report = parse_file("export.xlsx", data)
    assert report.problems == []
    copy = make_bank("复制的题库")
    result = import_report(report, copy)
    assert result.created == original.questions.count()
    assert snapshot(copy) == snapshot(original)


def test_cells_that_would_run_as_formulas_are_written_as_text():
    bank = make_bank()
    stems = ["=HYPERLINK(\"http://evil\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)"]
    for stem in stems:
        make_question(bank, stem, options=("=1+1", "正常"), correct="B", explanation="-解析")
    workbook = load_workbook(io.BytesIO(export_xlsx(bank.questions.all(), "题库")))
    sheet = workbook.active
    assert [cell.value for cell in sheet[1]][:3] == ["题型", "题干", "选项A"]
    rows = list(sheet.iter_rows(min_row=2))
    assert sorted(row[1].value for row in rows) == sorted(stems)
    for row in rows:
        for cell in (row[1], row[2]):
            assert cell.data_type == "s" and cell.quotePrefix, cell.value
    # and they come back unchanged
    report = parse_file("x.xlsx", export_xlsx(bank.questions.all(), "题库"))
    assert sorted(draft.stem for draft in report.drafts) == sorted(stems)
    assert {draft.options[0] for draft in report.drafts} == {"=1+1"}
