"""Demo content: the checklist, three accepted demonstration sites and one waiting for a visit."""
from django.contrib.auth import get_user_model
from django.utils import timezone

from base.demo_builders import section
from core.organisations.models import Unit

from .checklist import Application, ChecklistItem, Inspection, InspectionScore, Outcome, SelfAssessment
from .models import DemoSiteIndexPage

CHECKLIST = [
    ("有固定的宣教场所，面积不少于 50 平方米", 20),
    ("有应急科普展板、实物或互动体验设施", 20),
    ("有专兼职讲解员，每年开展活动不少于 6 次", 20),
    ("有应急疏散演练记录", 15),
    ("有完善的管理制度和安全保障措施", 15),
    ("向社会公众开放并有预约渠道", 10),
]
SITES = [  # (unit, venue code, share of each item's points, outcome)
    ("塘下镇中心小学", "school", 0.9, Outcome.PASSED),
    ("玉海街道西山社区", "community", 0.85, Outcome.PASSED),
    ("浙江某汽车部件有限公司", "enterprise", 0.95, Outcome.PASSED),
    ("陶山镇沙洲村", "village", None, Outcome.PENDING),
]


def load():
    section(DemoSiteIndexPage, "demo-sites", "宣教示范点", "应急管理宣教示范点的申报、验收和名录。")
    for order, (text, points) in enumerate(CHECKLIST):
        ChecklistItem.objects.get_or_create(text=text, defaults={"points": points, "sort_order": order})
    items = list(ChecklistItem.objects.all())
    inspector, _created = get_user_model().objects.get_or_create(username="demo-inspector")
    created = 0
    for unit_name, venue_code, share, outcome in SITES:
        unit = Unit.objects.filter(name=unit_name).select_related("venue").first()
        if unit is None or Application.objects.filter(unit=unit).exists():
            continue
        application = Application.objects.create(
            unit=unit, venue=unit.venue, description=f"{unit.name}的应急科普宣教场所（虚构示例）。",
            self_score=sum(item.points for item in items), outcome=outcome)
        for item in items:
            SelfAssessment.objects.create(application=application, item=item, points=item.points)
        if share is not None:
            scores = [(item, round(item.points * share)) for item in items]
            inspection = Inspection.objects.create(
                application=application, inspector=inspector, visited_on=timezone.localdate(),
                total=sum(points for _item, points in scores), full_marks=sum(item.points for item in items),
                outcome=outcome, notes="现场查看场所、设施和活动记录。")
            for item, points in scores:
                InspectionScore.objects.create(inspection=inspection, item=item, points=points)
        created += 1
    return f"{created} new demonstration site applications (admin: /admin/demosites/applications/)"


def describe_urls(base):
    yield f"宣教示范点: {base}/demo-sites/"
