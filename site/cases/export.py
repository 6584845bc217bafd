"""The filtered cases as CSV (UTF-8 with BOM, so Excel reads the Chinese) or as an Excel workbook."""
import csv
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.exports.formula_safety import safe_row


def columns():
    return [
        (_("Title"), lambda case: case.title),
        (_("Unit name"), lambda case: case.unit_name),
        (_("Unit kind"), lambda case: case.get_unit_kind_display()),
        (_("Township or street"), lambda case: case.township),
        (_("Campaign area"), lambda case: case.area.name),
        (_("Fine (yuan)"), lambda case: case.fine_yuan),
        (_("Penalties"), lambda case: "、".join(str(label) for label in case.penalty_labels())),
        (_("People detained"), lambda case: case.detained_people),
        (_("Decision number"), lambda case: case.decision_number),
        (_("Decision date"), lambda case: case.decision_date),
        (_("Facts of the violation"), lambda case: case.facts),
        (_("Legal basis"), lambda case: case.legal_basis),
    ]


def rows(cases):
    cols = columns()
    yield [heading for heading, _value in cols]
    for case in cases:
        yield safe_row(value(case) for _heading, value in cols)


def filename(extension):
    return f"cases-{timezone.localdate():%Y%m%d}.{extension}"


def export_csv(cases):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename("csv")}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    for row in rows(cases):
        writer.writerow(row)
    return response


def export_xlsx(cases):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Cases")
    for row in rows(cases):
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename("xlsx")}"'
    return response
