"""Demo content: hazards under supervised rectification, one of them overdue."""
from datetime import timedelta

from django.utils import timezone

from base.demo_builders import section
from core.taxonomy.models import CampaignArea

from .models import HazardIndexPage, ListedHazard


def load():
    section(HazardIndexPage, "hazards", "挂牌督办", "挂牌督办的重大事故隐患及其整改进度。")
    today = timezone.localdate()
    hazards = [
        ("示例农贸市场消防设施缺失（虚构）", "示例市场管理公司", "玉海街道", "fire", -40, -5, ListedHazard.Status.RECTIFYING),
        ("示例码头危化品堆场防火间距不足（虚构）", "示例港务有限公司", "东山街道", "hazardous-chemicals", -30, 30, ListedHazard.Status.LISTED),
        ("示例老旧住宅楼结构安全隐患（虚构）", "示例街道办事处", "安阳街道", "dilapidated-houses", -60, -20, ListedHazard.Status.RECTIFIED),
    ]
    created = 0
    for title, unit, township, area, listed, deadline, status in hazards:
        _hazard, new = ListedHazard.objects.get_or_create(
            title=title,
            defaults={"responsible_unit": unit, "township": township, "area": CampaignArea.objects.get(code=area),
                      "listed_on": today + timedelta(days=listed), "deadline": today + timedelta(days=deadline),
                      "status": status},
        )
        created += new
    return f"{created} new listed hazards"


def describe_urls(base):
    yield f"挂牌督办: {base}/hazards/"
