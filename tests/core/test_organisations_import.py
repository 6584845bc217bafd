import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from core.organisations import demo
from core.organisations.importing import import_report, parse_file
from core.organisations.models import Region, Town, Unit
from core.imports.spreadsheets import SpreadsheetError

pytestmark = pytest.mark.django_db
IMPORT = "/admin/organisations/units/import/"


def xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GOOD = [
    ["瑞安市单位名录"],
    ["区域", "镇街", "单位", "场所", "人数"],
    ["瑞安市", "塘下镇", "塘下镇第二小学", "学校", 800],
    ["瑞安市", "东山街道", "东山街道上望社区", "社区", "3200"],
    ["文成县", "大峃镇", "大峃镇中学", "", 600],
]


def test_a_good_file_is_saved_with_new_regions_towns_and_units():
    demo.load()
    report = parse_file("units.xlsx", xlsx(GOOD))
    assert not report.problems
    result = import_report(report)
    assert (result.regions, result.towns, result.created, result.updated) == (1, 2, 3, 0)
    unit = Unit.objects.get(name="东山街道上望社区")
    assert unit.headcount == 3200 and unit.venue.code == "community" and unit.initials == "dsjdswsq"
    assert Town.objects.get(name="大峃镇").region.name == "文成县"


def test_an_existing_unit_is_updated_not_duplicated():
    demo.load()
    count = Unit.objects.count()
    report = parse_file("units.csv", "区域,镇街,单位,场所,人数\n瑞安市,塘下镇,塘下镇中心小学,学校,1300\n".encode())
    result = import_report(report)
    assert (result.created, result.updated) == (0, 1)
    assert Unit.objects.count() == count
    assert Unit.objects.get(name="塘下镇中心小学").headcount == 1300


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_saved():
    demo.load()
    before = (Region.objects.count(), Town.objects.count(), Unit.objects.count())
    rows = [
        ["区域", "镇街", "单位", "场所", "人数"],
        ["瑞安市", "塘下镇", "新单位甲", "学校", 10],
        ["瑞安市", "", "没有镇街的单位", "学校", 10],
        ["瑞安市", "塘下镇", "人数不对的单位", "学校", "很多"],
        ["瑞安市", "塘下镇", "负人数", "学校", -3],
        ["瑞安市", "塘下镇", "场所不对", "火星", 5],
        ["瑞安市", "塘下镇", "新单位甲", "学校", 10],
    ]
    report = parse_file("units.xlsx", xlsx(rows))
    described = [str(problem) for problem in report.problems]
    assert len(described) == 5
    assert any("第 3 行" in text or "Row 3" in text for text in described)
    assert import_report(report) is None
    assert (Region.objects.count(), Town.objects.count(), Unit.objects.count()) == before


def test_a_missing_column_is_named():
    report = parse_file("units.csv", "区域,单位,人数\n瑞安市,某单位,5\n".encode())
    assert "镇街" in str(report.problems[0])


def test_other_files_are_refused():
    with pytest.raises(SpreadsheetError):
        parse_file("units.pdf", b"%PDF")


def test_admin_template_upload_preview_and_confirm(admin_client):
    demo.load()
    template = admin_client.get(IMPORT + "template/")
    assert template.status_code == 200
    sheet = load_workbook(io.BytesIO(template.content)).active
    assert [cell.value for cell in sheet[1]] == ["区域", "镇街", "单位", "场所", "人数"]
    assert admin_client.get("/admin/organisations/units/").content.decode().count(IMPORT) >= 1
    response = admin_client.post(IMPORT, {"file": SimpleUploadedFile("units.xlsx", xlsx(GOOD))})
    assert response.status_code == 200
    token = response.context["token"]
    assert not Unit.objects.filter(name="大峃镇中学").exists()
    response = admin_client.post(IMPORT, {"token": token})
    assert response.status_code == 302
    assert Unit.objects.filter(name="大峃镇中学").exists()


def test_admin_upload_with_problems_shows_them_and_saves_nothing(admin_client):
    count = Unit.objects.count()
    bad = [["区域", "镇街", "单位", "人数"], ["瑞安市", "塘下镇", "某单位", "abc"]]
    response = admin_client.post(IMPORT, {"file": SimpleUploadedFile("units.xlsx", xlsx(bad))})
    (problem,) = response.context["problems"]
    assert problem.row == 2 and "abc" in str(problem) and str(problem) in response.content.decode()
    assert 'name="token"' not in response.content.decode()
    assert Unit.objects.count() == count


def test_only_those_who_may_add_units_import(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="x")
    client.force_login(user)
    assert client.get(IMPORT).status_code in (302, 403)
    assert client.get(IMPORT + "template/").status_code in (302, 403)


def test_picker_json_finds_towns_by_initials_and_units_of_a_town(client):
    demo.load()
    towns = client.get("/organisations/towns.json", {"q": "ta"}).json()["results"]
    assert [town["name"] for town in towns] == ["塘下镇", "陶山镇"]
    tangxia = towns[0]["id"]
    units = client.get("/organisations/units.json", {"town": tangxia, "q": "txzzx"}).json()["results"]
    assert [unit["name"] for unit in units] == ["塘下镇中心小学"]
    missing = client.get("/organisations/units.json", {"town": "x"})
    assert missing.status_code == 400 and missing.json()["error"]
