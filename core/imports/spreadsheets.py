"""Reading and writing spreadsheet files: .xlsx, and .csv in UTF-8 (with or without a BOM) or GB18030
as saved by Chinese Excel. Knows nothing about what the rows hold (question banks, the organisation
registry)."""
import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from core.exports.formula_safety import FORMULA_TRIGGERS

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class SpreadsheetError(ValueError):
    """The file as a whole cannot be read; the message is for the user."""


def read_rows(filename, data):
    """The rows of the first sheet, one at a time, as lists of raw cell values (row 1 is the header).

    Streamed: a caller that stops early never has the rest read, let alone held in memory."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise SpreadsheetError(
            _("The file is %(size).1f MB; the limit is %(limit)d MB.")
            % {"size": len(data) / 1024 / 1024, "limit": MAX_UPLOAD_BYTES // 1024 // 1024}
        )
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension == "xlsx":
        return _read_xlsx(data)
    if extension == "csv":
        return csv.reader(io.StringIO(_decode(data)))
    raise SpreadsheetError(_("Only .xlsx and .csv files can be imported."))


def _read_xlsx(data):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or mislabelled file
        raise SpreadsheetError(_("This is not a readable .xlsx file.")) from error
    return _xlsx_rows(workbook)


def _xlsx_rows(workbook):
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        workbook.close()


def _decode(data):
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(_("The CSV file is neither UTF-8 nor GB18030 text."))


def xlsx_bytes(header, rows, title):
    """A one-sheet workbook. Text that a spreadsheet would run as a formula is stored as text."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    bold = Font(bold=True)
    sheet.append([_text_cell(sheet, value, font=bold) for value in header])
    for row in rows:
        sheet.append([_text_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text_cell(sheet, value, font=None):
    # The text stays exact (the importer reads it back) but is a string cell with Excel's quote
    # prefix: never run as a formula, not even after the cell is edited.
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        cell.data_type = "s"
        cell.quotePrefix = True
    if font:
        cell.font = font
    return cell
