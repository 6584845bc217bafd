"""Small builders for banks and questions used by the quizzes and online quiz tests."""
from quizzes.models import Option, Question, QuestionBank
from core.taxonomy.models import CampaignArea, Venue


def make_question(bank, stem, kind=Question.Kind.SINGLE, options=("甲", "乙", "丙"), correct="A", area=None,
                  venue=None, difficulty=1, points=10, explanation="因为如此。"):
    if kind == Question.Kind.TRUE_FALSE:
        options = ("正确", "错误")
    question = Question(
        bank=bank, kind=kind, stem=stem, difficulty=difficulty, points=points, explanation=explanation,
        area=CampaignArea.objects.get(code=area) if area else None,
        venue=Venue.objects.get(code=venue) if venue else None,
    )
    question.options = [Option(text=text, is_correct=label in correct) for label, text in zip("ABCDEFGH", options)]
    question.save()
    return question


def make_bank(name="测试题库"):
    return QuestionBank.objects.get_or_create(name=name)[0]


def ensure_taxonomy():
    """Transactional tests flush the tables, taking the migration-seeded terms with them."""
    from core.taxonomy.terms import CAMPAIGN_AREAS, VENUES

    for model, terms in ((Venue, VENUES), (CampaignArea, CAMPAIGN_AREAS)):
        for order, (code, name) in enumerate(terms):
            model.objects.get_or_create(code=code, defaults={"name": name, "sort_order": order})
