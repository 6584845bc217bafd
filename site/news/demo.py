"""Demo content: the news section and the Safety Production Month's articles."""
from datetime import date

from base.demo_builders import demo_image, section
from core.taxonomy.models import CampaignArea, Venue

from .models import ArticleIndexPage, ArticlePage

# (slug, title, date, venues, areas, summary, paragraphs, key figures)
ARTICLES = [
    ("consultation-day", "安全生产月咨询日活动在市区广场举行", date(2019, 6, 16), ["public-place", "family"], ["fire"],
     "22家单位设立咨询台，发放宣传资料两万余份，市民现场参与安全知识有奖问答。",
     ["6月16日上午，全市安全生产月咨询日活动在市区广场举行。应急管理、消防、交通、市场监管等22家单位设立咨询台，面对面解答市民关心的安全问题。",
      "现场工作人员演示了干粉灭火器的使用方法，不少市民拿起手机扫码参与安全知识有奖竞答。"],
     [("22", "家", "参与单位"), ("20000", "余份", "宣传资料")]),
    ("taoshan-drill", "陶山镇开展企业消防应急疏散演练", date(2019, 6, 12), ["enterprise"], ["fire"],
     "陶山镇组织辖区企业开展消防应急疏散演练，检验应急预案。",
     ["陶山镇联合消防救援力量，在一家鞋服企业开展火灾应急疏散演练。警报响起后，员工按照疏散路线有序撤离。",
      "演练结束后，消防员讲解了电动自行车充电和有限空间作业的安全隐患。"], []),
    ("huling-drill", "湖岭镇举行危化品泄漏应急演练", date(2019, 6, 13), ["enterprise", "village"], ["hazardous-chemicals"],
     "湖岭镇模拟危化品运输车辆泄漏，多部门联动处置。",
     ["湖岭镇模拟一辆危化品运输车辆在山区道路发生泄漏，应急管理、交警、消防、卫健等部门联动处置。",
      "演练检验了危险化学品事故的报告、警戒、堵漏和人员疏散流程。"], []),
    ("yuhai-drill", "玉海街道开展商业综合体火灾救援演练", date(2019, 6, 18), ["public-place"], ["fire", "urban-safety"],
     "玉海街道在商业综合体开展灭火救援和人员疏散演练。",
     ["玉海街道在一处商业综合体开展高层建筑火灾扑救和人员疏散演练，商户和顾客一同参与。",
      "街道同步检查了消防通道、疏散指示标志和消防设施的完好情况。"], []),
    ("gaolou-flood-drill", "高楼镇滩脚堰坝举行防汛应急演练", date(2019, 6, 20), ["village"], ["urban-safety"],
     "主汛期到来前，高楼镇在滩脚堰坝开展防汛抢险和群众转移演练。",
     ["主汛期到来之前，高楼镇在滩脚堰坝举行防汛应急演练，模拟山洪暴发、群众被困等险情。",
      "救援队伍演练了冲锋舟救援、堤坝抢险和危险区域群众转移。"], []),
    ("tangxia-alliance", "塘下镇安全生产互助联盟推动企业隐患自查", date(2019, 6, 10), ["enterprise", "village"], ["construction"],
     "塘下镇83个村级互助联盟带动成员企业互查互改隐患。",
     ["塘下镇推行安全生产互助联盟模式，全镇组建83个村级联盟，由龙头企业带动成员企业互学互查。",
      "联盟成员定期交叉检查，发现隐患当场登记，限期整改，整改情况在联盟内公开。"],
     [("83", "个", "村级联盟")]),
    ("seven-campaigns", "七大攻坚战同步推进 安全生产月执法检查成效明显", date(2019, 6, 14), ["office"],
     ["fire", "road-traffic", "hazardous-chemicals", "fishing-vessels", "dilapidated-houses", "construction", "urban-safety"],
     "截至6月14日，全市检查单位10981家次，发现隐患5431处，立案处罚601起。",
     ["全市围绕消防安全、道路交通安全、危险化学品、渔业船舶、城乡危旧房、建筑施工和城市安全治理七大攻坚战，开展集中执法检查。",
      "截至6月14日，共检查单位10981家次，发现隐患5431处，立案处罚601起，罚款104.3万元，责令停产停业19家，关闭取缔3家，行政拘留60人，刑事拘留15人。"],
     [("10981", "家次", "检查单位"), ("5431", "处", "发现隐患"), ("601", "起", "立案处罚"), ("104.3", "万元", "罚款")]),
    ("alliances-citywide", "全市组建120个安全生产互助联盟", date(2019, 6, 8), ["enterprise"], ["urban-safety"],
     "120个联盟覆盖4000余家企业，累计整改隐患1.2万余处。",
     ["全市共组建安全生产互助联盟120个，覆盖成员企业4000余家，累计整改隐患1.2万余处。",
      "联盟通过共享安全管理人员、联合培训和交叉检查，帮助小微企业补齐安全短板。"],
     [("120", "个", "互助联盟"), ("4000", "余家", "成员企业")]),
    ("seven-into-launch", "本市开展安全生产月活动 七进七赛全面启动", date(2019, 6, 3), ["enterprise", "school", "office", "community", "village", "family", "public-place"], [],
     "安全文化进企业、进学校、进机关、进社区、进农村、进家庭、进公共场所，各阵地示范单位互学互比。",
     ["本市开展安全生产月活动，以防风险、除隐患、遏事故为主题，推动安全文化七进。",
      "七个阵地各推选示范单位组成代表队，参加安全知识竞赛，互学互比。"], []),
]


def article_body(paragraphs, figures):
    body = [("paragraph", f"<p>{text}</p>") for text in paragraphs]
    if figures:
        body.append(("key_figures", [{"value": v, "unit": u, "label": label} for v, u, label in figures]))
    body.append(("quote", {"text": "隐患就是事故，事故就要处理。", "attribution": "市应急管理局"}))
    return body


def load():
    news_index = section(ArticleIndexPage, "news", "新闻动态", "安全生产月各项活动的报道。")
    created = 0
    for number, (slug, title, day, venues, areas, summary, paragraphs, figures) in enumerate(ARTICLES):
        if news_index.get_children().filter(slug=slug).exists():
            continue
        page = ArticlePage(
            slug=slug, title=title, date=day, reporter="本站记者", summary=summary,
            lead_image=demo_image(title, number), body=article_body(paragraphs, figures),
        )
        news_index.add_child(instance=page)
        page.venues.set(Venue.objects.filter(code__in=venues))
        page.areas.set(CampaignArea.objects.filter(code__in=areas))
        page.save_revision().publish()
        created += 1
    return f"{created} new articles"


def describe_urls(base):
    yield f"新闻动态: {base}/news/"
