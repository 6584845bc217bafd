"""Spreadsheets built in memory for the import tests, one per spelling family."""
import csv
import io

from openpyxl import Workbook

CHINESE_HEADER = ["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "难度", "领域", "场景", "分值"]

# Every accepted type, answer, difficulty spelling and full-width letters, with stray spaces.
CHINESE_ROWS = [
    ["单选", "火警电话是？", "110", "119", "120", "122", "B", "119 是火警。", "1", "消防安全", "家庭", "10"],
    ["单选题", " 交通事故报警电话是？ ", "122", "119", "", "", " Ａ ", "", "易", "道路交通安全", "公共场所", ""],
    ["多选", "建筑施工三宝是？", "安全帽", "安全带", "安全网", "手套", "ABC", "", "中", "建筑施工", "企业", "20"],
    ["多选题", "哪些是危险化学品？", "汽油", "食盐", "浓硫酸", "液化气", "A,C,D", "", "难", "危险化学品", "企业", "5"],
    ["多选", "防溺水要做到？", "不私自下水", "结伴去水库", "不到陌生水域", "", "A、C", "", "2", "城市安全治理", "学校", ""],
    ["多选", "渔船出海前检查？", "救生衣", "天气", "酒水", "", "ＡＢ", "", "3", "渔业船舶", "农村", ""],
]
TRUE_FALSE_SPELLINGS = [("对", "A"), ("错", "B"), ("√", "A"), ("×", "B"), ("正确", "A"), ("错误", "B"), ("A", "A"), ("B", "B")]
for number, (spelling, label) in enumerate(TRUE_FALSE_SPELLINGS):
    kind = "判断" if number % 2 else "判断题"
    CHINESE_ROWS.append([kind, f"判断题第{number}题：危房不能住人。", "", "", "", "", spelling, "", "1", "城乡危旧房", "社区", ""])

# The English family: other header spellings, another column order, no option D.
ENGLISH_HEADER = ["Answer", "Question", "Type", "Option A", "Option B", "Option C", "Difficulty", "Area", "Venue", "Points", "Explanation"]
ENGLISH_ROWS = [
    ["b", "Which number reports a fire?", "single choice", "110", "119", "120", "easy", "fire", "family", "10", "119 is for fires."],
    ["A C", "Which are PPE?", "multiple", "helmet", "phone", "harness", "medium", "construction", "enterprise", "20", ""],
    ["true", "Life jackets save lives.", "true/false", "", "", "", "hard", "fishing-vessels", "village", "5", ""],
]


def xlsx_bytes(header, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(header, rows, encoding="utf-8", bom=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data
