"""The questions of each round: drawn from the round's bank with the paper-drawing of `quizzes`."""
from django.db import transaction

from contests.rules.phases import RoundKind
from quizzes.models import Question
from quizzes.papers import draw_paper

from .models import RoundQuestion

PER_TEAM = (RoundKind.COMPULSORY, RoundKind.RISK)


@transaction.atomic
def draw_round_questions(rnd, seed=None):
    """(Re)create the round's RoundQuestions: one paper per team for compulsory and risk rounds,
    one paper for buzzer and tie-break rounds, one performance per team for judged rounds.
    No question repeats within the contest. Raises quizzes.papers.PaperError when the bank is short."""
    rnd.slots.all().delete()
    teams = list(rnd.contest.teams.all())
    if rnd.kind == RoundKind.JUDGED:
        RoundQuestion.objects.bulk_create(RoundQuestion(round=rnd, order=i, team=t) for i, t in enumerate(teams))
        return
    used = RoundQuestion.objects.filter(round__contest=rnd.contest, question__isnull=False).values("question")
    pool = Question.objects.filter(bank=rnd.bank, active=True).exclude(pk__in=used)
    seed = f"{rnd.pk}-{seed}"
    if rnd.kind in PER_TEAM:
        paper = draw_paper(pool, list(rnd.mix) * len(teams), seed)
        per_team = len(paper) // len(teams)
        # Team by team in turns: every team's first question, then every team's second, ...
        slots = [
            RoundQuestion(round=rnd, team=team, question=paper[t * per_team + q])
            for q in range(per_team) for t, team in enumerate(teams)
        ]
    else:
        slots = [RoundQuestion(round=rnd, question=question) for question in draw_paper(pool, rnd.mix, seed)]
    for order, slot in enumerate(slots):
        slot.order = order
    RoundQuestion.objects.bulk_create(slots)
