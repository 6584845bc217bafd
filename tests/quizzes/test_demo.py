import pytest

from quizzes import demo
from quizzes.models import Question
from core.taxonomy.models import CampaignArea, Venue

pytestmark = pytest.mark.django_db


def test_demo_bank_covers_every_area_venue_and_type_and_loads_once():
    first = demo.load()
    questions = Question.objects.filter(bank__name=demo.DEMO_BANK)
    count = questions.count()
    assert count >= 150, first
    assert set(questions.values_list("area__code", flat=True)) == set(CampaignArea.objects.values_list("code", flat=True))
    assert set(questions.values_list("venue__code", flat=True)) == set(Venue.objects.values_list("code", flat=True))
    assert set(questions.values_list("kind", flat=True)) == set(Question.Kind.values)
    assert all(question.explanation for question in questions)
    for question in questions.prefetch_related("options"):
        question.full_clean()  # every demo question obeys the validation rules

    demo.load()
    assert questions.count() == count
