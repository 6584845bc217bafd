"""The demo contest: seven teams (one per venue), a compulsory, a buzzer and a risk round drawn
from the demo question bank. It is a rehearsal, so its data can be cleared to play for real."""
from django.db import transaction
from django.db.models import Count

from quizzes import demo as quizzes_demo
from quizzes.models import QuestionBank
from core.taxonomy.models import Venue

from .drawing import draw_round_questions
from .models import Contest, Round, Team

TITLE = "七进七赛安全知识竞赛（演示）"
COLOURS = ["#c62828", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#4e342e"]
ROUNDS = [
    {"kind": "compulsory", "title": "第一轮 必答题", "mix": [{"count": 1}], "points": 10, "answer_seconds": 20},
    {"kind": "buzzer", "title": "第二轮 抢答题", "mix": [{"count": 5}], "points": 20, "wrong_penalty": 10,
     "buzz_seconds": 10, "answer_seconds": 15},
    {"kind": "risk", "title": "第三轮 风险题", "mix": [{"count": 1}], "risk_values": [10, 20, 30],
     "risk_in_score_order": True, "answer_seconds": 30},
]


def demo_bank():
    bank = QuestionBank.objects.filter(name=quizzes_demo.DEMO_BANK).first()
    if bank is None or not bank.questions.exists():
        bank = QuestionBank.objects.annotate(size=Count("questions")).filter(size__gte=30).order_by("-size").first()
    if bank is None:
        quizzes_demo.load()  # idempotent: the demo bank of the quizzes app
        bank = QuestionBank.objects.get(name=quizzes_demo.DEMO_BANK)
    return bank


@transaction.atomic
def load():
    contest = Contest.objects.filter(title=TITLE).first()
    if contest:
        return f"contest '{TITLE}' already there"
    bank = demo_bank()
    contest = Contest.objects.create(title=TITLE, rehearsal=True, start_score=100, organiser="七进七赛组委会")
    for order, venue in enumerate(Venue.objects.all()):
        Team.objects.create(contest=contest, name=f"{venue.name}代表队", unit=f"{venue.name}安全示范单位", venue=venue,
                            colour=COLOURS[order % len(COLOURS)], order=order)
    for order, spec in enumerate(ROUNDS):
        rnd = Round.objects.create(contest=contest, order=order, bank=bank, reading_seconds=3, **spec)
        draw_round_questions(rnd, seed="demo")
    return f"contest '{TITLE}': {contest.teams.count()} teams, {contest.rounds.count()} rounds"


def describe_urls(base):
    contest = Contest.objects.filter(title=TITLE).first()
    if contest is None:
        return
    yield f"Contest host:    {base}/live/contest/{contest.pk}/host/  (log in as a host or the admin)"
    yield f"Contest screen:  {base}/live/contest/{contest.pk}/screen/"
    yield f"Team pads:       {base}/live/team/  (or the direct links below)"
    for team in contest.teams.all():
        yield f"  {team.name}: code {team.access_code}  {base}/live/team/{team.access_code}/"
