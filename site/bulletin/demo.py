"""Demo content: two months of recorded figures for five towns and their two bulletins."""
from decimal import Decimal

from django.utils import timezone

from base.demo_builders import publish_child, section
from core.organisations.models import Town
from core.taxonomy.models import CampaignArea

from .figures import previous_month
from .models import BulletinIndexPage, BulletinPage
from .records import MonthlyFigures

TOWNS = ["塘下镇", "玉海街道", "安阳街道", "陶山镇", "湖岭镇"]
AREAS = ["fire", "hazardous-chemicals"]


def load():
    index = section(BulletinIndexPage, "bulletins", "每月通报", "每月一督查、每月一通报：各镇街安全生产攻坚数据。")
    last = previous_month(timezone.localdate())
    months = [previous_month(last), last]
    created = 0
    for month_number, month in enumerate(months):
        for town_number, town_name in enumerate(TOWNS):
            town = Town.objects.filter(name=town_name).first()
            for area_number, code in enumerate(AREAS):
                area = CampaignArea.objects.filter(code=code).first()
                if town is None or area is None:
                    continue
                base = 10 + 7 * town_number + 5 * area_number + 4 * month_number
                _record, new = MonthlyFigures.objects.get_or_create(
                    month=month, town=town, area=area,
                    defaults={"inspections": base * 3, "hazards_found": base, "hazards_rectified": base - 3,
                              "cases_filed": base // 4, "fines_yuan": Decimal(base * 1500), "closures": town_number % 3,
                              "detentions": (town_number + month_number) % 2})
                created += new
        publish_child(index, BulletinPage, f"{month:%Y-%m}", title=f"{month.year}年{month.month}月安全生产攻坚通报",
                      month=month, introduction="本月各镇街深入开展安全生产大检查，现将主要数据通报如下。")
    return f"{created} new monthly figure records, {BulletinPage.objects.count()} bulletins"


def describe_urls(base):
    yield f"每月通报: {base}/bulletins/"
