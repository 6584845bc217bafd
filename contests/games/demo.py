"""Demo: a ready public game for a consultation day (咨询日), with its own small question bank."""
from quizzes.models import Option, Question, QuestionBank

from .models import PublicGame

BANK = "咨询日公众游戏题库"
TITLE = "安全生产月咨询日 · 安全知识抢答"
QUESTIONS = [
    ("2019 年安全生产月的主题是什么？", ["防风险、除隐患、遏事故", "安全第一、预防为主", "生命至上、安全发展"], "A",
     "2019 年全国安全生产月的主题是“防风险、除隐患、遏事故”。"),
    ("发现家中燃气泄漏，第一步应该怎么做？", ["打开排气扇", "关闭燃气阀门、开窗通风", "开灯检查", "打电话报警"], "B",
     "燃气泄漏时严禁开关电器，应先关阀门、开窗通风，再到室外报警。"),
    ("火警电话是哪个号码？", ["110", "119", "120", "122"], "B", "火警电话 119，报警时讲清地址和起火物。"),
    ("电动自行车可以推进楼道或家中充电。", ["正确", "错误"], "B", "电动自行车应在室外集中充电场所充电，严禁进楼入户。"),
    ("乘坐渔船出海作业，必须做到的是？", ["穿好救生衣", "多带干粮", "关闭通讯设备", "超载也无妨"], "A",
     "出海作业必须穿好救生衣，保持通讯畅通，严禁超载。"),
    ("驾驶机动车时，下列哪种行为是安全的？", ["边开车边看手机", "酒后驾车", "系好安全带", "疲劳驾驶"], "C",
     "系好安全带是最基本的行车安全措施。"),
    ("建筑施工现场进入时必须佩戴什么？", ["安全帽", "太阳镜", "耳机", "围巾"], "A", "进入施工现场必须正确佩戴安全帽。"),
    ("身上衣服着火时，正确的做法是？", ["奔跑呼救", "就地打滚压灭火苗", "用手拍打", "躲进衣柜"], "B",
     "奔跑会让火势更旺，应就地打滚或用厚重衣物覆盖压灭。"),
    ("危险化学品仓库内可以吸烟。", ["正确", "错误"], "B", "危险化学品场所严禁烟火。"),
    ("家中发现房屋墙体出现明显裂缝，应当？", ["继续居住", "自行填补", "及时报告并撤离，请专业人员鉴定", "不用理会"], "C",
     "城乡危旧房出现裂缝等险情，应及时撤离并报告，由专业机构鉴定。"),
]


def bank():
    bank, created = QuestionBank.objects.get_or_create(name=BANK, defaults={"description": "公众游戏演示题目"})
    if created:
        for stem, options, correct, explanation in QUESTIONS:
            kind = Question.Kind.TRUE_FALSE if len(options) == 2 else Question.Kind.SINGLE
            question = Question.objects.create(bank=bank, stem=stem, explanation=explanation, kind=kind)
            Option.objects.bulk_create(
                Option(question=question, text=text, is_correct="ABCD"[n] == correct, sort_order=n)
                for n, text in enumerate(options)
            )
    return bank


def load():
    game, created = PublicGame.objects.get_or_create(
        title=TITLE,
        defaults={"bank": bank(), "reading_seconds": 3, "answer_seconds": 15, "streak_bonus": 10, "organiser": "市应急管理局"},
    )
    if created:
        game.fill_from_bank(len(QUESTIONS))
    return f"public game '{game.title}' (PIN {game.pin}, {game.game_questions.count()} questions)"


def describe_urls(base):
    game = PublicGame.objects.filter(title=TITLE).first()
    if game is None:
        return
    yield f"Public game: PIN {game.pin}"
    yield f"  phones:     {base}/live/games/{game.pin}/   (or {base}/live/games/ and the PIN)"
    yield f"  big screen: {base}/live/games/{game.pin}/screen/"
    yield f"  host:       {base}/live/games/{game.pin}/host/   (games: {base}/live/games/host/)"
