import pytest
from django.core.management import CommandError, call_command

from quizzes.models import Question, QuestionBank
from tests.quizzes.spreadsheet_fixtures import CHINESE_HEADER, CHINESE_ROWS, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

BAD_ROW = ["单选", "两个答案？", "甲", "乙", "", "", "AB", "", "1", "", "", ""]


def run(path, *args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("import_questions", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_imports_an_xlsx_into_a_new_bank(tmp_path):
    path = tmp_path / "题库.xlsx"
    path.write_bytes(xlsx_bytes(CHINESE_HEADER, CHINESE_ROWS))
    out, err = run(path, "--bank", "消防题库")
    assert f"新增 {len(CHINESE_ROWS)} 题" in out and err == ""
    assert QuestionBank.objects.get(name="消防题库").questions.count() == len(CHINESE_ROWS)


def test_a_bad_row_saves_nothing_and_fails_with_a_chinese_report(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(CHINESE_HEADER, CHINESE_ROWS + [BAD_ROW], encoding="gb18030"))
    with pytest.raises(CommandError, match="没有导入任何题目"):
        run(path, "--bank", "新题库")
    assert Question.objects.count() == 0
    assert not QuestionBank.objects.filter(name="新题库").exists()


def test_skip_invalid_saves_the_good_rows_and_reports_the_rest(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(CHINESE_HEADER, CHINESE_ROWS + [BAD_ROW], bom=True))
    out, err = run(path, "--bank", "新题库", "--skip-invalid")
    row = len(CHINESE_ROWS) + 2
    assert f"第 {row} 行“答案”列：单选题必须有且只有一个正确选项。" in err
    assert "跳过错误行 1 行" in out
    assert Question.objects.count() == len(CHINESE_ROWS)


def test_nothing_new_exits_non_zero_and_update_overwrites(tmp_path):
    path = tmp_path / "bank.csv"
    path.write_bytes(csv_bytes(CHINESE_HEADER, CHINESE_ROWS))
    run(path, "--bank", "题库")
    with pytest.raises(CommandError, match="没有导入任何题目"):
        run(path, "--bank", "题库")
    out, _err = run(path, "--bank", "题库", "--update")
    assert f"更新 {len(CHINESE_ROWS)} 题" in out
    assert Question.objects.count() == len(CHINESE_ROWS)


def test_missing_and_oversized_files_are_clear_errors(tmp_path):
    with pytest.raises(CommandError, match="找不到文件"):
        run(tmp_path / "none.xlsx", "--bank", "题库")
    big = tmp_path / "big.csv"
    big.write_bytes(b"a" * (10 * 1024 * 1024 + 1))
    with pytest.raises(CommandError, match="超过了 10 MB 的上限"):
        run(big, "--bank", "题库")
