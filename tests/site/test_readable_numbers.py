"""Numbers as people read them: 10,981; sums of money in 万元 with one unit per figure."""
from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Site

from base.models import HeadlineFigures
from furniture.templatetags.readable_numbers import money, thousands


@pytest.mark.parametrize(("value", "expected"), [
    (10981, "10,981"), (601, "601"), (Decimal("1043000.00"), "1,043,000"), (Decimal("1234.50"), "1,234.5"),
    (Decimal("0.25"), "0.25"), (0, "0"), (None, ""),
])
def test_thousands(value, expected):
    with translation.override("zh-hans"):
        assert thousands(value) == expected


@pytest.mark.parametrize(("language", "value", "expected"), [
    ("zh-hans", Decimal("1043000"), ("104.3", "万元")),
    ("zh-hans", Decimal("327000.00"), ("32.7", "万元")),
    ("zh-hans", Decimal("80000"), ("8", "万元")),
    ("zh-hans", Decimal("12345678"), ("1,234.57", "万元")),
    ("zh-hans", Decimal("5000"), ("5,000", "元")),
    ("zh-hans", None, ("0", "元")),
    ("en", Decimal("1043000"), ("1,043,000", "yuan")),
])
def test_money_has_one_unit(language, value, expected):
    with translation.override(language):
        assert money(value) == expected


def test_grouped_output_in_chinese_uses_commas_every_three_digits():
    with translation.override("zh-hans"):
        assert Template('{{ n|floatformat:"0g" }} {{ year }}').render(Context({"n": 1234567, "year": 2019})) == "1,234,567 2019"


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "shown", "absent"), [
    ("zh-hans", ["<strong>10,981</strong>", "<strong>104.3</strong><span class=\"unit\">万元</span>"], ["10k yuan", "10981"]),
    ("en", ["<strong>10,981</strong>", "<strong>1,043,000</strong><span class=\"unit\">yuan</span>"], ["10k yuan", "万元"]),
])
def test_home_page_figures(client, home, language, shown, absent):
    figures = HeadlineFigures.for_site(Site.objects.get(is_default_site=True))
    figures.inspections, figures.hazards_found, figures.penalty_cases = 10981, 5431, 601
    figures.fines_yuan, figures.as_of = Decimal("1043000"), date(2019, 6, 14)
    figures.save()
    client.cookies["django_language"] = language
    body = client.get("/").content.decode()
    for text in shown:
        assert text in body
    for text in absent:
        assert text not in body


@pytest.mark.django_db
def test_case_totals_and_names(client, case_index, make_case):
    make_case("消防案例", fine=300000, unit_name="示例鞋业有限公司（虚构）")
    make_case("停产案例", fine=27000)
    body = client.get(case_index.url).content.decode()
    assert "罚款合计 32.7 万元" in body and "327000" not in body
    assert "罚款 300,000 元" in body
    case_page = client.get(case_index.get_children().first().url).content.decode()
    assert "（虚构）（" not in case_page and "示例鞋业有限公司（虚构） · " in case_page
