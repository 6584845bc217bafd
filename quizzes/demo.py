"""The demo question bank: 150+ safety questions kept as a spreadsheet (data/demo_bank.csv) and
loaded through the importer itself, so the demo also proves the import path."""
from pathlib import Path

from .importing import parse_file, save_drafts
from .models import QuestionBank

DEMO_FILE = Path(__file__).resolve().parent / "data" / "demo_bank.csv"
DEMO_BANK = "七进七赛安全知识题库"


def load():
    report = parse_file(DEMO_FILE.name, DEMO_FILE.read_bytes())
    if report.problems:
        raise ValueError("; ".join(str(problem) for problem in report.problems))
    bank, _created = QuestionBank.objects.get_or_create(
        name=DEMO_BANK, defaults={"description": "消防、交通、危化品、渔船、危旧房、建筑施工与城市安全的常识题。"}
    )
    result = save_drafts(report.drafts, bank)
    return f"bank '{bank.name}': {result.created} questions added, {bank.questions.count()} in all"


def describe_urls(base):
    yield f"Question banks (admin): {base}/admin/snippets/quizzes/question/"
