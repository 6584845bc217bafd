import pytest

from quizzes.importing import import_report, parse_file
from quizzes.models import Question
from core.imports.spreadsheets import MAX_UPLOAD_BYTES, SpreadsheetError
from tests.quizzes.factories import make_bank
from tests.quizzes.spreadsheet_fixtures import (
    CHINESE_HEADER, CHINESE_ROWS, ENGLISH_HEADER, ENGLISH_ROWS, TRUE_FALSE_SPELLINGS, csv_bytes, xlsx_bytes,
)

pytestmark = pytest.mark.django_db

CHINESE_FILES = {
    "xlsx": ("bank.xlsx", lambda: xlsx_bytes(CHINESE_HEADER, CHINESE_ROWS)),
    "csv-utf8": ("bank.csv", lambda: csv_bytes(CHINESE_HEADER, CHINESE_ROWS)),
    "csv-utf8-bom": ("bank.csv", lambda: csv_bytes(CHINESE_HEADER, CHINESE_ROWS, bom=True)),
    "csv-gb18030": ("BANK.CSV", lambda: csv_bytes(CHINESE_HEADER, CHINESE_ROWS, encoding="gb18030")),
}


def imported(filename, data, bank=None, **options):
    bank = bank or make_bank()
    report = parse_file(filename, data)
    return report, import_report(report, bank, **options), bank


@pytest.mark.parametrize("family", CHINESE_FILES)
def test_chinese_spellings_in_every_file_format(family):
    filename, build = CHINESE_FILES[family]
    report, result, bank = imported(filename, build())
    assert report.problems == []
    assert result.created == len(CHINESE_ROWS)
    by_stem = {question.stem: question for question in bank.questions.prefetch_related("options")}

    fire = by_stem["火警电话是？"]
    assert (fire.kind, fire.correct_labels(), fire.difficulty, fire.points) == ("single", "B", 1, 10)
    assert (fire.area.code, fire.venue.code, fire.explanation) == ("fire", "family", "119 是火警。")
    assert [option.text for option in fire.options.all()] == ["110", "119", "120", "122"]

    road = by_stem["交通事故报警电话是？"]  # stem stripped, full-width answer, two options only
    assert (road.correct_labels(), road.options.count(), road.difficulty, road.points) == ("A", 2, 1, 10)
    assert by_stem["建筑施工三宝是？"].correct_labels() == "ABC"
    assert (by_stem["哪些是危险化学品？"].correct_labels(), by_stem["哪些是危险化学品？"].difficulty) == ("ACD", 3)
    assert by_stem["防溺水要做到？"].correct_labels() == "AC"
    assert by_stem["渔船出海前检查？"].correct_labels() == "AB"
    for number, (_spelling, label) in enumerate(TRUE_FALSE_SPELLINGS):
        question = by_stem[f"判断题第{number}题：危房不能住人。"]
        assert question.kind == "truefalse"
        assert [option.text for option in question.options.all()] == ["正确", "错误"]
        assert question.correct_labels() == label


@pytest.mark.parametrize("filename, build", [
    ("english.xlsx", lambda: xlsx_bytes(ENGLISH_HEADER, ENGLISH_ROWS)),
    ("english.csv", lambda: csv_bytes(ENGLISH_HEADER, ENGLISH_ROWS)),
])
def test_english_headers_in_another_order(filename, build):
    report, result, bank = imported(filename, build())
    assert report.problems == [] and result.created == 3
    kinds = dict(bank.questions.values_list("stem", "kind"))
    assert kinds == {"Which number reports a fire?": "single", "Which are PPE?": "multiple",
                     "Life jackets save lives.": "truefalse"}
    assert bank.questions.get(kind="multiple").correct_labels() == "AC"
    assert bank.questions.get(kind="truefalse").correct_labels() == "A"
    assert bank.questions.get(kind="truefalse").venue.code == "village"


BAD_ROWS = [
    ["单选", "好题？", "甲", "乙", "", "", "A", "", "1", "", "", ""],
    ["填空", "类型不对？", "甲", "乙", "", "", "A", "", "1", "", "", ""],
    ["单选", "", "甲", "乙", "", "", "A", "", "1", "", "", ""],
    ["单选", "两个答案？", "甲", "乙", "", "", "AB", "", "1", "", "", ""],
    ["多选", "只有一个答案？", "甲", "乙", "丙", "", "B", "", "1", "", "", ""],
    ["单选", "答案选项不存在？", "甲", "乙", "", "", "E", "", "1", "", "", ""],
    ["单选", "选项重复？", "甲", "甲", "", "", "A", "", "1", "", "", ""],
    ["判断", "判断答案不对？", "", "", "", "", "也许", "", "1", "", "", ""],
    ["单选", "难度不对？", "甲", "乙", "", "", "A", "", "很难", "火星", "", "abc"],
    ["单选", "中间缺选项？", "甲", "", "丙", "", "A", "", "1", "", "", ""],
]
SOURCE_HEADER = CHINESE_HEADER + ["出处"]


def test_the_bad_row_report_names_row_column_and_reason_in_chinese():
    report = parse_file("bad.csv", csv_bytes(CHINESE_HEADER, BAD_ROWS))
    messages = [str(problem) for problem in report.problems]
    assert report.invalid_rows == list(range(3, 12))
    expected = [
        "第 3 行“题型”列：无法识别的题型“填空”",
        "第 4 行“题干”列：题干不能为空。",
        "第 5 行“答案”列：单选题必须有且只有一个正确选项。",
        "第 6 行“答案”列：多选题至少要有两个正确选项。",
        "第 7 行“答案”列：答案“E”中含有不存在的选项。",
        "第 8 行“选项”列：选项重复：甲。",
        "第 9 行“答案”列：无法识别的判断题答案“也许”",
        "第 10 行“难度”列：无法识别的难度“很难”",
        "第 10 行“领域”列：无法识别“火星”",
        "第 10 行“分值”列：分值必须是 1 到 1000 的整数",
        "第 11 行“选项”列：有选项内容为空。",
    ]
    for start in expected:
        assert any(message.startswith(start) for message in messages), (start, messages)


def test_an_overlong_source_is_reported_not_cut():
    row = ["单选", "好题？", "甲", "乙", "", "", "A", "", "1", "", "", "", "《安全生产法》" * 40]
    report = parse_file("bank.csv", csv_bytes(SOURCE_HEADER, [row]))
    assert [str(problem) for problem in report.problems] == ["第 2 行“出处”列：出处超过 255 个字符。"]


def test_all_or_nothing_unless_skip_invalid():
    data = csv_bytes(CHINESE_HEADER, BAD_ROWS)
    _report, result, bank = imported("bad.csv", data)
    assert result is None and bank.questions.count() == 0

    _report, result, bank = imported("bad.csv", data, bank=bank, skip_invalid=True)
    assert (result.created, result.skipped_invalid) == (1, 9)
    assert list(bank.questions.values_list("stem", flat=True)) == ["好题？"]


def test_existing_stems_are_skipped_or_updated():
    bank = make_bank()
    imported("bank.csv", csv_bytes(CHINESE_HEADER, CHINESE_ROWS[:2]), bank=bank)
    changed = [row[:] for row in CHINESE_ROWS[:2]]
    changed[0][7] = "新的解析。"
    _report, result, _bank = imported("bank.csv", csv_bytes(CHINESE_HEADER, changed), bank=bank)
    assert (result.created, result.skipped_existing, result.imported) == (0, 2, 0)
    assert bank.questions.get(stem="火警电话是？").explanation == "119 是火警。"

    _report, result, _bank = imported("bank.csv", csv_bytes(CHINESE_HEADER, changed), bank=bank, update=True)
    assert (result.created, result.updated) == (0, 2)
    question = bank.questions.get(stem="火警电话是？")
    assert question.explanation == "新的解析。" and question.options.count() == 4
    assert Question.objects.count() == 2


def test_a_title_row_above_the_header_is_skipped_and_rows_keep_their_numbers():
    rows = [["2019年安全生产月知识竞赛题库"], []] + [CHINESE_HEADER] + CHINESE_ROWS[:1] + [
        ["单选", "两个答案？", "甲", "乙", "", "", "AB", "", "1", "", "", ""]
    ]
    report = parse_file("bank.xlsx", xlsx_bytes(rows[0], rows[1:]))
    assert [draft.stem for draft in report.drafts] == ["火警电话是？"]
    assert report.invalid_rows == [5]


def test_whole_file_problems():
    with pytest.raises(SpreadsheetError, match="10 MB"):
        parse_file("big.csv", b"x" * (MAX_UPLOAD_BYTES + 1))
    with pytest.raises(SpreadsheetError, match=r"\.xlsx 或 \.csv"):
        parse_file("bank.xls", b"whatever")
    with pytest.raises(SpreadsheetError, match="无法读取"):
        parse_file("bank.xlsx", b"not a zip file")
    report = parse_file("bank.csv", "题干,选项A\n题目,甲\n".encode())
    assert "缺少必需的列：题型、答案" in str(report.problems[0])
    assert "没有题目" in str(parse_file("bank.csv", ",".join(CHINESE_HEADER).encode()).problems[0])


@pytest.mark.parametrize("filename, build", [("big.xlsx", xlsx_bytes), ("big.csv", csv_bytes)])
def test_a_file_over_the_row_limit_is_refused_without_reading_the_rest(monkeypatch, filename, build):
    from quizzes import importing

    monkeypatch.setattr(importing, "MAX_ROWS", 20)
    rows = [["单选", f"第{n}题", "甲", "乙", "", "", "A"] for n in range(1000)]
    data = build(["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案"], rows)
    read, read_rows = [], importing.read_rows

    def counted(*args):
        for row in read_rows(*args):
            read.append(row)
            yield row

    monkeypatch.setattr(importing, "read_rows", counted)
    with pytest.raises(SpreadsheetError, match="每次最多导入 20 行"):
        parse_file(filename, data)
    assert len(read) <= 1 + 20 + 1  # the header, the limit, the row that crossed it
    assert not Question.objects.exists()
