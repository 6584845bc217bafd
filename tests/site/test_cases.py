"""The case index: filters, totals computed in the database, CSV and Excel export of the filtered set."""
import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from cases.models import ViolationCasePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(make_case):
    make_case("消防案一", area="fire", township="塘下镇", day=date(2019, 6, 5), fine=30000)
    make_case("消防案二", area="fire", township="玉海街道", day=date(2018, 5, 2), fine=5000, suspended=True)
    make_case("危化品案", area="hazardous-chemicals", township="塘下镇", day=date(2019, 6, 8), fine=80000, closed=True)
    make_case("交通案", area="road-traffic", township="湖岭镇", day=date(2019, 6, 9), fine=0, detained_people=1)


def listing(client, index, query=""):
    response = client.get(index.url + query)
    assert response.status_code == 200
    return response


def names(response):
    return {case.title for case in response.context["cases"]}


@pytest.mark.parametrize("query, expected", [
    ("", {"消防案一", "消防案二", "危化品案", "交通案"}),
    ("?area=fire", {"消防案一", "消防案二"}),
    ("?township=塘下镇", {"消防案一", "危化品案"}),
    ("?year=2018", {"消防案二"}),
    ("?penalty=suspension", {"消防案二"}),
    ("?penalty=closure", {"危化品案"}),
    ("?penalty=detention", {"交通案"}),
    ("?penalty=fine", {"消防案一", "消防案二", "危化品案"}),
    ("?area=fire&year=2019", {"消防案一"}),
])
def test_filters(client, case_index, cases, query, expected):
    assert names(listing(client, case_index, query)) == expected


def test_totals_of_the_filtered_set(client, case_index, cases):
    response = listing(client, case_index, "?township=塘下镇")
    assert response.context["totals"] == {"count": 2, "fines": Decimal("110000.00")}
    assert "共 2 起案例，罚款合计 11 万元" in response.content.decode()


def test_invalid_filter_value_is_reported_not_ignored(client, case_index, cases):
    response = listing(client, case_index, "?penalty=torture")
    body = response.content.decode()
    assert "errorlist" in body and "选择一个有效的选项" in body
    assert response.context["totals"]["count"] == 0


def test_csv_export_of_the_filtered_set(client, case_index, cases):
    response = client.get(case_index.url + "export/csv/?area=fire")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["标题", "单位名称", "单位类型"]
    assert {row[0] for row in rows[1:]} == {"消防案一", "消防案二"}
    assert "停产停业" in text


def test_excel_export_of_the_filtered_set(client, case_index, cases):
    response = client.get(case_index.url + "export/xlsx/?penalty=closure")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "标题"
    assert [row[0] for row in rows[1:]] == ["危化品案"]
    assert rows[1][5] == 80000


def test_a_case_needs_a_penalty(case_index):
    case = ViolationCasePage(title="无处罚", unit_name="某", unit_kind="other", township="某镇", area_id=1,
                             facts="事实", legal_basis="依据", decision_number="1", decision_date=date(2019, 1, 1), fine_yuan=0)
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert "请至少填写一项处罚" in str(error.value)
