"""The bulletin's numbers equal the data they summarise (recorded figures, cases and supervised hazards
through the hook), the previous month, the rankings, the PDF's text, and the home page's figures."""
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.test import Client
from pypdf import PdfReader

from bulletin.figures import comparison, month_figures
from bulletin.models import BulletinIndexPage, BulletinPage
from bulletin.records import MonthlyFigures
from core.organisations.models import Region, Town
from core.taxonomy.models import CampaignArea
from hazards.models import ListedHazard

pytestmark = pytest.mark.django_db

NOVEMBER, OCTOBER = date(2026, 11, 1), date(2026, 10, 1)


@pytest.fixture
def towns(db):
    region = Region.objects.create(name="瑞安市")
    return [Town.objects.create(region=region, name=name, sort_order=order)
            for order, name in enumerate(["塘下镇", "玉海街道", "陶山镇"])]


def record(month, town, area="fire", **figures):
    return MonthlyFigures.objects.create(month=month, town=town, area=CampaignArea.objects.get(code=area), **figures)


@pytest.fixture
def data(towns, make_case):
    tangxia, yuhai, taoshan = towns
    record(date(2026, 11, 17), tangxia, inspections=30, hazards_found=12, hazards_rectified=10, fines_yuan=5000)
    record(NOVEMBER, tangxia, area="hazardous-chemicals", inspections=8, hazards_found=3, closures=1)
    record(NOVEMBER, yuhai, inspections=25, hazards_found=9, hazards_rectified=9, detentions=2)
    record(NOVEMBER, taoshan, inspections=25, hazards_found=4, hazards_rectified=1)
    record(OCTOBER, tangxia, inspections=20, hazards_found=10, hazards_rectified=8, fines_yuan=1000)
    # The platform's own data, through the `bulletin_figures` hooks of cases and hazards:
    make_case("十一月案例一", township="塘下镇", day=date(2026, 11, 5), fine=20000)
    make_case("十一月案例二", township="陶山镇", day=date(2026, 11, 30), fine=3000)
    make_case("十月案例", township="塘下镇", day=date(2026, 10, 31), fine=999)
    make_case("草稿案例", township="塘下镇", day=date(2026, 11, 6), fine=7).unpublish()
    fire = CampaignArea.objects.get(code="fire")
    for title, listed, status in [("隐患一", date(2026, 11, 3), ListedHazard.Status.RECTIFIED),
                                  ("隐患二", date(2026, 11, 20), ListedHazard.Status.LISTED),
                                  ("隐患三", date(2026, 12, 1), ListedHazard.Status.LISTED)]:
        ListedHazard.objects.create(title=title, responsible_unit="示例", township="玉海街道", area=fire,
                                    listed_on=listed, deadline=date(2027, 1, 1), status=status)


def test_the_month_figures_are_the_records_plus_the_platforms_data(data):
    november = month_figures(date(2026, 11, 9))
    assert november.towns["塘下镇"] == {"inspections": 38, "hazards_found": 15, "hazards_rectified": 10,
                                       "cases_filed": 1, "fines_yuan": Decimal("25000"), "closures": 1,
                                       "detentions": 0}
    assert november.towns["玉海街道"]["hazards_found"] == 9 + 2 and november.towns["玉海街道"]["hazards_rectified"] == 10
    assert november.towns["陶山镇"]["cases_filed"] == 1 and november.towns["陶山镇"]["fines_yuan"] == Decimal("3000")
    assert november.totals["inspections"] == 88 and november.totals["cases_filed"] == 2
    assert november.totals["fines_yuan"] == Decimal("28000")
    assert november.areas["危险化学品"]["inspections"] == 8
    # Ties share a place: 玉海街道 and 陶山镇 both inspected 25.
    assert november.town_ranking("inspections") == [(1, "塘下镇", 38), (2, "玉海街道", 25), (2, "陶山镇", 25)]
    rows = {name: (now, before, change) for name, now, before, change in comparison(november, month_figures(OCTOBER))}
    assert rows["inspections"] == (88, 20, 68)
    assert rows["fines_yuan"] == (Decimal("28000"), Decimal("1999"), Decimal("26001"))


@pytest.fixture
def bulletin(home, data):
    index = BulletinIndexPage(title="每月通报", slug="bulletins")
    home.add_child(instance=index)
    page = BulletinPage(title="2026年11月安全生产攻坚通报", slug="2026-11", month=NOVEMBER, introduction="现通报如下。")
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_page_shows_the_numbers_the_chart_and_the_ranking(bulletin):
    response = Client().get(bulletin.url)
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["comparison"][0][1:] == (88, 20, 68)
    assert response.context["chart"]["towns"] == ["塘下镇", "玉海街道", "陶山镇"]
    assert response.context["chart"]["series"][0]["data"] == [38, 25, 25]
    assert 'id="bulletin-chart-data"' in page and "echarts.min.js" in page and "<script>" not in page
    assert "检查单位数排名" in page


def test_the_pdf_holds_the_same_bulletin_in_chinese(bulletin):
    response = Client().get(bulletin.url + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    # pypdf reads fpdf2's two-byte codes (embedded Identity CMap) with a NUL before each character;
    # the ToUnicode map itself is right, so NULs and spaces are dropped before comparing.
    compact = "".join(text.replace("\x00", "").split())
    for expected in ["2026年11月安全生产攻坚通报", "现通报如下。", "总体情况及与上月对比", "检查单位（家次）",
                     "塘下镇", "玉海街道", "陶山镇", "88", "+68", "28000.00", "+26001.00"]:
        assert expected in compact, expected


def test_the_home_page_reads_the_latest_published_bulletin(bulletin, home):
    figures = Client().get(home.url).context["figures"]
    assert (figures.inspections, figures.hazards_found, figures.penalty_cases) == (88, 30, 2)
    assert figures.fines_10k_yuan == Decimal("2.8") and figures.as_of == date(2026, 11, 30)
    bulletin.unpublish()
    from base.models import HeadlineFigures

    assert isinstance(Client().get(home.url).context["figures"], HeadlineFigures)


def test_one_bulletin_per_month(bulletin):
    from django.core.exceptions import ValidationError

    other = BulletinPage(title="重复", slug="again", month=date(2026, 11, 20))
    with pytest.raises(ValidationError):
        other.clean()
