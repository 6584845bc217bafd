"""Demo content: fictional exposure cases across the campaign areas, marked as demo data."""
from datetime import date

from base.demo_builders import section
from core.taxonomy.models import CampaignArea

from .models import CaseIndexPage, ViolationCasePage

CASES = [
    ("demo-case-1", "某鞋业公司堵塞消防通道被罚", "瑞安示例鞋业有限公司（虚构）", "enterprise", "塘下镇", "fire",
     "检查发现该公司生产车间消防通道被原料堆放堵塞，安全出口上锁。", "《中华人民共和国消防法》第二十八条、第六十条",
     {"fine_yuan": 30000}, "瑞应急罚〔2019〕101号", date(2019, 6, 5)),
    ("demo-case-2", "某化工公司危化品储存不规范被责令停产整顿", "示例化工有限公司（虚构）", "enterprise", "湖岭镇", "hazardous-chemicals",
     "该公司危化品企业仓库超量储存危险化学品，且未设置泄漏报警装置。", "《危险化学品安全管理条例》第二十条、第八十条",
     {"fine_yuan": 80000, "suspended": True}, "瑞应急罚〔2019〕102号", date(2019, 6, 8)),
    ("demo-case-3", "某货运车辆驾驶人严重超载被行政拘留", "个体货运驾驶人张某（虚构）", "person", "玉海街道", "road-traffic",
     "驾驶人驾驶货车严重超载并拒不配合检查。", "《中华人民共和国道路交通安全法》第九十二条",
     {"fine_yuan": 2000, "detained_people": 1}, "瑞公交罚〔2019〕203号", date(2019, 6, 10)),
    ("demo-case-4", "某渔船未按规定配备救生设备被罚", "浙瑞渔示例号渔船（虚构）", "vessel", "东山街道", "fishing-vessels",
     "渔船出海作业未按规定配备救生衣和救生筏。", "《中华人民共和国渔业船舶检验条例》第三十二条",
     {"fine_yuan": 5000}, "瑞渔罚〔2019〕031号", date(2019, 6, 11)),
    ("demo-case-5", "某出租房违规改建群租被依法关闭", "示例出租房屋（虚构）", "other", "安阳街道", "dilapidated-houses",
     "城乡危旧房违规改建为群租房，电动自行车在楼道内充电。", "《浙江省消防条例》第三十条",
     {"closed": True, "fine_yuan": 10000}, "瑞综执罚〔2019〕077号", date(2019, 6, 12)),
    ("demo-case-6", "某建筑工地违规动火作业引发火情 负责人被移送司法机关", "示例建设工程有限公司（虚构）", "construction", "陶山镇", "construction",
     "工地在未办理动火审批的情况下进行电焊作业，引燃保温材料。", "《中华人民共和国安全生产法》第九十四条，《中华人民共和国刑法》第一百三十四条",
     {"fine_yuan": 200000, "criminal_referral": True, "detained_people": 2}, "瑞应急罚〔2019〕118号", date(2019, 6, 14)),
]


def load():
    index = section(CaseIndexPage, "cases", "典型案例曝光", "经法制审核后公开的安全生产违法典型案例。")
    areas = {area.code: area for area in CampaignArea.objects.all()}
    created = 0
    for slug, title, unit, kind, township, area, facts, basis, penalties, number, day in CASES:
        if index.get_children().filter(slug=slug).exists():
            continue
        case = ViolationCasePage(
            slug=slug, title=title, unit_name=unit, unit_kind=kind, township=township, area=areas[area],
            facts=facts, legal_basis=basis, decision_number=number, decision_date=day, is_demo=True, **penalties,
        )
        index.add_child(instance=case)
        case.save_revision().publish()
        created += 1
    return f"{created} new demo cases"


def describe_urls(base):
    yield f"典型案例曝光: {base}/cases/"
