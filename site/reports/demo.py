"""Demo content: the report page and the supervisors' call, two appointed supervisors, and reports
in every status, one of them escalated into a listed hazard and one rewarded."""
from datetime import timedelta
from decimal import Decimal
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from base.demo_builders import section
from core.organisations.models import Town
from core.taxonomy.models import CampaignArea

from . import lifecycle
from .hazard_reports import Report, ReportEvent
from .models import ReportsPage, SupervisorCallPage
from .photos import cleaned_photo
from .supervisors import Supervisor

REQUIREMENTS = (
    "<ul><li>年满18周岁，热心安全生产工作，在本市居住或工作；</li><li>熟悉所在镇街情况，能利用工作生活之便发现隐患；</li>"
    "<li>每年至少报告一次隐患线索，参加一次培训。</li></ul>"
)
SUPERVISORS = [  # name, town, occupation, certificate
    ("陈监督（示例）", "塘下镇", "企业安全员", "RA-JD-2026-001"),
    ("林监督（示例）", "玉海街道", "社区网格员", "RA-JD-2026-002"),
]
# place, town, area code, description, the steps after it is received, supervisor index or None
REPORTS = [
    ("示例路口窨井盖缺失（虚构）", "玉海街道", "road-traffic", "人行道窨井盖丢失，夜间行人易跌落。", [], None),
    ("示例小区楼道电动车充电（虚构）", "安阳街道", "fire", "楼道内多辆电动车飞线充电。", ["verify"], 1),
    ("示例厂房消防通道堵塞（虚构）", "塘下镇", "fire", "厂房后侧消防通道被货物堆满。", ["verify", "route"], 0),
    ("示例自建房外墙开裂（虚构）", "陶山镇", "dilapidated-houses", "三层自建房外墙出现贯通裂缝。", ["verify", "route", "rectify"], None),
    ("示例加油站旁违规堆放液化气瓶（虚构）", "湖岭镇", "hazardous-chemicals", "加油站围墙外堆放数十个液化气钢瓶。",
     ["verify", "route", "escalate"], 0),
    ("示例菜场电线私拉乱接（虚构）", "锦湖街道", "fire", "菜场摊位电线私拉乱接，线头裸露。", ["verify", "route", "rectify", "close", "reward"], None),
    ("示例广告牌松动（虚构）", "飞云街道", "dilapidated-houses", "经核查广告牌已由业主自行加固。", ["reject"], None),
]


def demo_photo(colour, label):
    picture = Image.new("RGB", (800, 600), colour)
    buffer = BytesIO()
    picture.save(buffer, format="JPEG")
    return cleaned_photo(SimpleUploadedFile(f"{label}.jpg", buffer.getvalue(), content_type="image/jpeg"))


def load():
    page = section(ReportsPage, "report", "随手拍", "发现安全隐患？拍下来，告诉我们。凭查询编号随时查看处理进度。")
    call = section(SupervisorCallPage, "supervisors", "社会监督员", "公开招募安全生产社会监督员。")
    if not call.requirements:
        call.requirements, call.issuer = REQUIREMENTS, "瑞安市安全生产委员会办公室（示例）"
        call.save_revision().publish()
    today = timezone.localdate()
    staff = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    supervisors = []
    for name, town, occupation, certificate in SUPERVISORS:
        supervisor, _new = Supervisor.objects.get_or_create(
            certificate_number=certificate,
            defaults={"name": name, "phone": "13800000000", "town": Town.objects.get(name=town), "occupation": occupation,
                      "reason": "示例", "status": Supervisor.Status.APPOINTED, "term_start": today - timedelta(days=30),
                      "term_end": today + timedelta(days=700), "reviewed_at": timezone.now()},
        )
        supervisors.append(supervisor)
    created = 0
    for place, town, area, description, steps, supervisor in REPORTS:
        if Report.objects.filter(place=place).exists():
            continue
        created += 1
        report = Report.objects.create(
            place=place, town=Town.objects.get(name=town), area=CampaignArea.objects.get(code=area),
            description=description, phone="13900000000", due_on=today + timedelta(days=15),
            supervisor=supervisors[supervisor] if supervisor is not None else None,
        )
        lifecycle.save_photos(report, [demo_photo((120, 120, 120), "hazard")])
        lifecycle.record(report, ReportEvent.Kind.SUBMITTED, None)
        take_steps(report, steps, staff, today)
    return f"{created} new hazard reports, {len(supervisors)} supervisors: {page.url} {call.url}"


def take_steps(report, steps, staff, today):
    for step in steps:
        if step == "verify":
            lifecycle.start_verifying(report, staff, "已派员现场核查。")
        elif step == "route":
            lifecycle.route(report, staff, report.town, None, "转属地镇街处理。")
        elif step == "rectify":
            lifecycle.start_rectifying(report, staff, "已责令整改。")
        elif step == "escalate":
            lifecycle.escalate(report, staff, f"{report.place}", "示例燃气有限公司", today + timedelta(days=30), "列入挂牌督办。")
        elif step == "close":
            lifecycle.close_rectified(report, staff, "已整改到位，复查合格。", [demo_photo((46, 125, 50), "rectified")])
        elif step == "reward":
            lifecycle.reward(report, staff, Decimal("200"), "有奖举报。")
        elif step == "reject":
            lifecycle.reject(report, staff, "经核查，该隐患已消除。")


def describe_urls(base):
    yield f"随手拍: {base}/report/"
    yield f"社会监督员: {base}/supervisors/ (roster: {base}/supervisors/roster/)"
    yield f"隐患举报处理: {base}/admin/reports_triage/"
