"""A demo online quiz under the home page, drawing from the demo question bank."""
from wagtail.models import Page

from quizzes.demo import DEMO_BANK
from quizzes.models import Question, QuestionBank

from .models import MixRow, OnlineQuizPage

SLUG = "online-quiz"
MIX = [(5, Question.Kind.SINGLE), (3, Question.Kind.MULTIPLE), (2, Question.Kind.TRUE_FALSE)]


def load():
    existing = OnlineQuizPage.objects.filter(slug=SLUG).first()
    if existing:
        return f"online quiz '{existing.title}' already there"
    home = Page.objects.get(depth=2)
    page = OnlineQuizPage(
        title="网上答题",
        slug=SLUG,
        show_in_menus=True,
        introduction="10 道安全常识题，限时 5 分钟。答完立即看到成绩、排名和每道题的解析。",
        bank=QuestionBank.objects.get(name=DEMO_BANK),
        time_limit=300,
        attempts_per_day=3,
        mix_rows=[MixRow(count=count, kind=kind) for count, kind in MIX],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return f"online quiz '{page.title}' at {page.url_path}"


def describe_urls(base):
    page = OnlineQuizPage.objects.live().first()
    if page:
        yield f"Online quiz:  {base}{page.url}"
