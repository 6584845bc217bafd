"""Two demo online contests under the home page, both drawing from the demo bank: 网上答题, open
to anyone in anonymous (cookie) mode with a mix of question types (what the retired cookie quiz
was), and the month's contest with sign-in by phone (the code is printed on the console by the
development SMS sender) and prizes for the lucky draw."""
from wagtail.models import Page

from quizzes.demo import DEMO_BANK
from quizzes.models import Question, QuestionBank

from .models import MixRow, OnlineContestPage, Prize

QUIZ_SLUG = "online-quiz"
QUIZ_MIX = [(5, Question.Kind.SINGLE), (3, Question.Kind.MULTIPLE), (2, Question.Kind.TRUE_FALSE)]
SLUG = "safety-month-contest"


def publish(page):
    existing = Page.objects.filter(depth=3, slug=page.slug).first()
    if existing:
        return f"'{existing.title}' already there"
    Page.objects.get(depth=2).add_child(instance=page)
    page.save_revision().publish()
    return f"online contest '{page.title}' at {page.url_path}"


def load():
    bank = QuestionBank.objects.get(name=DEMO_BANK)
    quiz = publish(OnlineContestPage(
        title="网上答题",
        slug=QUIZ_SLUG,
        show_in_menus=True,
        introduction="无需登录，选择所在单位即可答题：10 道安全常识题，限时 5 分钟，每天 3 次机会。答完立即看到成绩和每道题的解析。",
        bank=bank,
        identity=OnlineContestPage.Identity.COOKIE,
        question_count=sum(count for count, _kind in QUIZ_MIX),
        time_limit=300,
        practice_per_day=0,
        draws_per_day=0,
        mix_rows=[MixRow(count=count, kind=kind) for count, kind in QUIZ_MIX],
    ))
    contest = publish(OnlineContestPage(
        title="安全生产月知识竞赛",
        slug=SLUG,
        show_in_menus=True,
        introduction="用手机号登录，选择所在镇街和单位，每组 5 题限时 150 秒。每天 3 次机会，答对 4 题以上可抽奖，80 分以上获得电子证书。",
        bank=bank,
        question_count=5,
        time_limit=150,
        prizes=[Prize(name="应急包", quantity=20, weight=20), Prize(name="灭火毯", quantity=50, weight=30)],
    ))
    return f"{quiz}; {contest} (sign-in codes appear on this console)"


def describe_urls(base):
    for page in OnlineContestPage.objects.live().order_by("path"):
        yield f"Online contest: {base}{page.url}  (rankings: {base}{page.url}rankings/)"
