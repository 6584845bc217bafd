"""A demo online contest under the home page: the demo bank, sign-in by phone (the code is printed
on the console by the development SMS sender), prizes for the lucky draw."""
from wagtail.models import Page

from quizzes.demo import DEMO_BANK
from quizzes.models import QuestionBank

from .models import OnlineContestPage, Prize

SLUG = "safety-month-contest"


def load():
    existing = OnlineContestPage.objects.filter(slug=SLUG).first()
    if existing:
        return f"online contest '{existing.title}' already there"
    home = Page.objects.get(depth=2)
    page = OnlineContestPage(
        title="安全生产月知识竞赛",
        slug=SLUG,
        show_in_menus=True,
        introduction="用手机号登录，选择所在镇街和单位，每组 5 题限时 150 秒。每天 3 次机会，答对 4 题以上可抽奖，80 分以上获得电子证书。",
        bank=QuestionBank.objects.get(name=DEMO_BANK),
        question_count=5,
        time_limit=150,
        prizes=[Prize(name="应急包", quantity=20, weight=20), Prize(name="灭火毯", quantity=50, weight=30)],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return f"online contest '{page.title}' at {page.url_path} (sign-in codes appear on this console)"


def describe_urls(base):
    page = OnlineContestPage.objects.live().first()
    if page:
        yield f"Online contest: {base}{page.url}  (rankings: {base}{page.url}rankings/)"
