import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes import demo
from quizzes.models import Question
from quizzes.papers import PaperError, draw_paper
from core.taxonomy.models import CampaignArea
from tests.quizzes.factories import make_bank, make_question

pytestmark = pytest.mark.django_db

MIX = [
    {"count": 4, "kind": "single", "area": "fire"},
    {"count": 3, "kind": "truefalse", "difficulty": 1},
    {"count": 2, "venue": "school"},
    {"count": 2, "kind": "multiple", "area": "construction"},
]


@pytest.fixture
def bank_questions():
    demo.load()
    return Question.objects.filter(active=True)


def test_the_mix_is_satisfied_without_repeats(bank_questions):
    paper = draw_paper(bank_questions, MIX, seed=7)
    assert len(paper) == 11 and len({question.pk for question in paper}) == 11
    assert all(q.kind == "single" and q.area.code == "fire" for q in paper[:4])
    assert all(q.kind == "truefalse" and q.difficulty == 1 for q in paper[4:7])
    assert all(q.venue.code == "school" for q in paper[7:9])
    assert all(q.kind == "multiple" and q.area.code == "construction" for q in paper[9:])


def test_the_same_seed_draws_the_same_paper_and_another_seed_usually_not(bank_questions):
    first = [q.pk for q in draw_paper(bank_questions, MIX, seed="2019-06-16")]
    assert [q.pk for q in draw_paper(bank_questions, MIX, seed="2019-06-16")] == first
    others = {tuple(q.pk for q in draw_paper(bank_questions, MIX, seed=seed)) for seed in range(5)}
    assert len(others) > 1


def test_terms_may_be_given_as_instances(bank_questions):
    fire = CampaignArea.objects.get(code="fire")
    assert all(q.area == fire for q in draw_paper(bank_questions, [{"count": 5, "area": fire}], seed=1))


def test_overlapping_requirements_share_the_bank_fairly():
    bank = make_bank()
    # Two fire questions that are also school questions and one fire question that is not.
    make_question(bank, "甲？", area="fire", venue="school")
    make_question(bank, "乙？", area="fire", venue="school")
    make_question(bank, "丙？", area="fire")
    for seed in range(10):
        paper = draw_paper(bank.questions.all(), [{"count": 1, "area": "fire"}, {"count": 2, "venue": "school"}], seed)
        assert [q.stem for q in paper[1:]] in (["甲？", "乙？"], ["乙？", "甲？"])
        assert paper[0].stem == "丙？"


def test_a_bank_that_cannot_satisfy_the_mix_raises_a_chinese_error():
    bank = make_bank()
    make_question(bank, "甲？", area="fire", venue="school")
    make_question(bank, "乙？", area="fire")
    with pytest.raises(PaperError, match="题库无法满足组卷要求：“单选题、消防安全”需要 3 道题，题库中只有 2 道符合条件"):
        draw_paper(bank.questions.all(), [{"count": 3, "kind": "single", "area": "fire"}], seed=1)
    with pytest.raises(PaperError, match="还要同时满足其他要求"):
        draw_paper(bank.questions.all(), [{"count": 1, "venue": "school"}, {"count": 2, "area": "fire"}], seed=1)
    with pytest.raises(PaperError, match="至少要抽 1 道题"):
        draw_paper(bank.questions.all(), [{"count": 0}], seed=1)


requirements = st.fixed_dictionaries(
    {"count": st.integers(1, 6)},
    optional={
        "kind": st.sampled_from(["single", "multiple", "truefalse"]),
        "area": st.sampled_from(["fire", "road-traffic", "construction", "urban-safety"]),
        "venue": st.sampled_from(["enterprise", "school", "family"]),
        "difficulty": st.integers(1, 3),
    },
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mix=st.lists(requirements, min_size=1, max_size=4), seed=st.integers())
def test_any_paper_drawn_fits_its_mix_without_repeats(bank_questions, mix, seed):
    try:
        paper = draw_paper(bank_questions, mix, seed)
    except PaperError as error:
        assert str(error).startswith("题库无法满足组卷要求")
        return
    assert len(paper) == sum(requirement["count"] for requirement in mix)
    assert len({question.pk for question in paper}) == len(paper)
    slots = [requirement for requirement in mix for _copy in range(requirement["count"])]
    for question, requirement in zip(paper, slots):
        assert requirement.get("kind", question.kind) == question.kind
        assert requirement.get("difficulty", question.difficulty) == question.difficulty
        assert requirement.get("area", question.area.code) == question.area.code
        assert requirement.get("venue", question.venue.code) == question.venue.code
    assert [q.pk for q in draw_paper(bank_questions, mix, seed)] == [q.pk for q in paper]
