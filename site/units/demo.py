"""Demo content: one model unit per venue and one nomination waiting for review."""
from base.demo_builders import demo_image, section
from core.taxonomy.models import Venue

from .models import ModelUnitIndexPage, ModelUnitPage, Nomination

NOMINATED = "示例物流有限公司"
UNITS = {
    "enterprise": ("示例鞋业有限公司", "塘下镇", "牵头组建村级安全生产互助联盟，带动20家小微企业完成隐患整改。"),
    "school": ("示例实验小学", "玉海街道", "每月开展一次应急疏散演练，安全教育进课堂。"),
    "office": ("示例镇人民政府", "陶山镇", "建立领导干部安全生产包联制度。"),
    "community": ("示例社区", "安阳街道", "组建社区志愿消防队，开展电动自行车集中充电改造。"),
    "village": ("示例村", "高楼镇", "完善防汛预警和群众转移预案，汛期零伤亡。"),
    "family": ("示例安全家庭", "湖岭镇", "家中配备灭火器和应急包，全家参加安全知识竞赛。"),
    "public-place": ("示例商业广场", "玉海街道", "消防设施每日巡查，商户安全承诺全覆盖。"),
}


def load():
    index = section(ModelUnitIndexPage, "model-units", "先进典型", "七进七赛各阵地的示范单位。")
    created = 0
    for number, venue in enumerate(Venue.objects.all()):
        name, township, summary = UNITS[venue.code]
        slug = f"model-{venue.code}"
        if index.get_children().filter(slug=slug).exists():
            continue
        unit = ModelUnitPage(
            slug=slug, title=name, unit_name=name, venue=venue, township=township, summary=summary,
            photo=demo_image(f"先进典型 {name}", number), honours="2019年度安全生产示范单位",
        )
        index.add_child(instance=unit)
        unit.save_revision().publish()
        created += 1
    new = not Nomination.objects.filter(unit_name=NOMINATED).exists()
    if new:
        nomination = Nomination.objects.create(
            unit_name=NOMINATED, venue=Venue.objects.get(code="enterprise"), township="塘下镇",
            reasons="危化品运输车辆全部安装动态监控，连续三年无事故。", live=False,
        )
        nomination.save_revision()
        nomination.get_workflow().start(nomination, user=None)
    return f"{created} new model units, {int(new)} new nomination"


def describe_urls(base):
    yield f"先进典型: {base}/model-units/"
