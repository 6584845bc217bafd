import pytest
from django.core.exceptions import ValidationError

from quizzes.models import Option, Question
from quizzes.validation import question_problems
from tests.quizzes.factories import make_bank

pytestmark = pytest.mark.django_db


def problems(kind, stem="题干？", options=(("甲", True), ("乙", False))):
    return [field for field, _message in question_problems(kind, stem, list(options))]


def test_a_good_question_of_each_type_has_no_problem():
    assert problems("single") == []
    assert problems("multiple", options=[("甲", True), ("乙", True), ("丙", False)]) == []
    assert problems("truefalse", options=[("正确", False), ("错误", True)]) == []


@pytest.mark.parametrize(
    "kind, options, field",
    [
        ("single", [("甲", True), ("乙", True)], "answer"),
        ("single", [("甲", False), ("乙", False)], "answer"),
        ("multiple", [("甲", True), ("乙", False), ("丙", False)], "answer"),
        ("truefalse", [("对", True), ("错", False)], "options"),
        ("truefalse", [("正确", True), ("错误", True)], "answer"),
        ("truefalse", [("正确", True), ("错误", False), ("不确定", False)], "options"),
        ("single", [("甲", True)], "options"),
        ("single", [(str(number), number == 0) for number in range(9)], "options"),
        ("single", [("甲", True), ("  ", False)], "options"),
        ("single", [("甲", True), ("甲", False)], "options"),
        ("single", [("甲" * 501, True), ("乙", False)], "options"),
    ],
)
def test_each_rule_is_enforced(kind, options, field):
    assert field in problems(kind, options=options)


def test_empty_stem_is_refused():
    assert "stem" in problems("single", stem="   ")


def test_model_clean_uses_the_shared_rules_in_chinese():
    question = Question(bank=make_bank(), kind="multiple", stem="哪些是对的？")
    question.options = [Option(text="甲", is_correct=True), Option(text="乙", is_correct=False)]
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert "多选题至少要有两个正确选项" in str(error.value)
    question.options = [Option(text="甲", is_correct=True), Option(text="乙", is_correct=True)]
    question.full_clean()
