"""The registry from a spreadsheet: every row is checked first, then all are saved or none.

    report = parse_file(filename, data)   # nothing saved yet; report.problems in the user's language
    result = save_rows(report.rows)       # one transaction: regions, towns and units created or updated

Columns (Chinese or English headers, any order): 区域, 镇街, 单位, 场所, 人数; a title row may sit
above the header. A unit already in its town gets the file's venue and headcount.
"""
from dataclasses import asdict, dataclass, field
from itertools import chain, islice

from django.db import transaction
from django.utils.translation import gettext as _

from core.imports.problems import RowProblem
from core.imports.spreadsheets import SpreadsheetError, read_rows, xlsx_bytes
from core.taxonomy.models import Venue

from .models import Region, Town, Unit

HEADER_SEARCH_ROWS = 10
MAX_ROWS = 20000
MAX_HEADCOUNT = 10_000_000
HEADERS = {
    "region": ("区域", "region"),
    "town": ("镇街", "镇街道", "乡镇街道", "town"),
    "unit": ("单位", "单位名称", "unit"),
    "venue": ("场所", "场所类型", "七进场所", "venue"),
    "headcount": ("人数", "职工人数", "headcount"),
}
REQUIRED = ("region", "town", "unit", "headcount")
TEMPLATE_ROWS = [
    ("瑞安市", "塘下镇", "塘下镇中心小学", "学校", 1260),
    ("瑞安市", "玉海街道", "玉海街道西山社区", "社区", 5400),
]


def header_key(cell):
    text = str(cell or "").strip().lower()
    for key, names in HEADERS.items():
        if text in names:
            return key
    return None


def text_of(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


@dataclass
class RegistryRow:
    row: int
    region: str
    town: str
    unit: str
    venue_id: int | None
    headcount: int

    def as_dict(self):
        return asdict(self)


@dataclass
class ParseReport:
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)


@dataclass
class SaveResult:
    regions: int = 0
    towns: int = 0
    created: int = 0
    updated: int = 0


def venue_lookup():
    names = {}
    for venue in Venue.objects.all():
        for spelling in (venue.name, venue.code):
            names[str(spelling).strip().lower()] = venue
    return names


def parse_headcount(text):
    try:
        number = int(float(text))
    except ValueError:
        raise ValueError(_("The headcount must be a whole number, not “%(text)s”.") % {"text": text}) from None
    if number < 0 or number != float(text):
        raise ValueError(_("The headcount must be a whole number, not “%(text)s”.") % {"text": text})
    if number > MAX_HEADCOUNT:
        raise ValueError(_("The headcount %(number)d is too large.") % {"number": number})
    return number


def parse_file(filename, data):
    """Parse a whole file; raises SpreadsheetError when it cannot be read at all."""
    rows = iter(read_rows(filename, data))
    top = list(islice(rows, HEADER_SEARCH_ROWS))
    report = ParseReport()
    if not top:
        report.problems.append(RowProblem(0, "", _("The file is empty.")))
        return report
    header_at = next(
        (index for index, row in enumerate(top) if set(REQUIRED) <= {header_key(cell) for cell in row}), None
    )
    if header_at is None:
        found = {header_key(cell) for cell in top[0]}
        missing = [HEADERS[key][0] for key in REQUIRED if key not in found]
        report.problems.append(RowProblem(1, "", _("Missing column(s): %(columns)s.") % {"columns": "、".join(missing)}))
        return report
    keys = [header_key(cell) for cell in top[header_at]]
    venues = venue_lookup()
    seen = {}
    for number, raw in enumerate(chain(top[header_at + 1:], rows), start=header_at + 2):
        if number - header_at - 1 > MAX_ROWS:
            raise SpreadsheetError(
                _("The file has more than %(limit)d rows under its header; import at most %(limit)d at a time.")
                % {"limit": MAX_ROWS}
            )
        cells = {key: text_of(value) for key, value in zip(keys, raw) if key}
        if not any(cells.values()):
            continue
        row, problems = parse_row(number, cells, venues)
        if row is not None:
            key = (row.region, row.town, row.unit)
            if key in seen:
                problems.append(RowProblem(number, HEADERS["unit"][0], _("The same unit is already on row %(row)d.") % {"row": seen[key]}))
                row = None
            else:
                seen[key] = number
        report.problems.extend(problems)
        if row is not None and not problems:
            report.rows.append(row)
    if not report.rows and not report.problems:
        report.problems.append(RowProblem(0, "", _("The file has no units.")))
    return report


def parse_row(number, cells, venues):
    problems = []

    def problem(key, reason):
        problems.append(RowProblem(number, HEADERS[key][0], reason))

    for key in ("region", "town", "unit"):
        if not cells.get(key):
            problem(key, _("This cell is empty."))
        elif len(cells[key]) > 100:
            problem(key, _("The name is longer than %(max)d characters.") % {"max": 100})
    headcount = 0
    if not cells.get("headcount"):
        problem("headcount", _("This cell is empty."))
    else:
        try:
            headcount = parse_headcount(cells["headcount"])
        except ValueError as error:
            problem("headcount", str(error))
    venue = None
    if cells.get("venue"):
        venue = venues.get(cells["venue"].lower())
        if venue is None:
            known = "、".join(sorted({str(v.name) for v in venues.values()}))
            problem("venue", _("Unknown venue “%(text)s”; use one of: %(known)s.") % {"text": cells["venue"], "known": known})
    if problems:
        return None, problems
    return RegistryRow(number, cells["region"], cells["town"], cells["unit"], venue.pk if venue else None, headcount), []


def import_report(report):
    """All or nothing: None (nothing saved) when the report has any problem."""
    if report.problems or not report.rows:
        return None
    return save_rows(report.rows)


def save_rows(rows):
    result = SaveResult()
    with transaction.atomic():
        regions = {region.name: region for region in Region.objects.all()}
        towns = {(town.region_id, town.name): town for town in Town.objects.all()}
        units = {(unit.town_id, unit.name): unit for unit in Unit.objects.all()}
        for row in rows:
            row = row if isinstance(row, RegistryRow) else RegistryRow(**row)
            region = regions.get(row.region)
            if region is None:
                region = regions[row.region] = Region.objects.create(name=row.region)
                result.regions += 1
            town = towns.get((region.pk, row.town))
            if town is None:
                town = towns[(region.pk, row.town)] = Town.objects.create(region=region, name=row.town)
                result.towns += 1
            unit = units.get((town.pk, row.unit))
            if unit is None:
                units[(town.pk, row.unit)] = Unit.objects.create(
                    town=town, name=row.unit, venue_id=row.venue_id, headcount=row.headcount, sort_order=row.row
                )
                result.created += 1
            elif (unit.venue_id, unit.headcount) != (row.venue_id, row.headcount):
                unit.venue_id, unit.headcount = row.venue_id, row.headcount
                unit.save(update_fields=["venue", "headcount"])
                result.updated += 1
    return result


def template_xlsx():
    """The file to fill in: the header and two example rows."""
    header = [HEADERS[key][0] for key in ("region", "town", "unit", "venue", "headcount")]
    return xlsx_bytes(header, TEMPLATE_ROWS, _("Units"))
