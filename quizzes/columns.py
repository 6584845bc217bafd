"""The spreadsheet columns of a question bank and the spellings accepted in each.

Headers may be Chinese or English, in any order. Cell values are normalised first: surrounding
whitespace is stripped and full-width ASCII (Ａ, Ｂ, １, ，) becomes half-width.
"""
import re
import unicodedata

from django.utils.translation import gettext as _

from .models import OPTION_LABELS, Question

# Canonical column key -> header spellings (compared after normalise() and lower-casing).
HEADERS = {
    "kind": ["题型", "类型", "题目类型", "type", "kind", "question type"],
    "stem": ["题干", "题目", "试题", "题目内容", "stem", "question"],
    "answer": ["答案", "正确答案", "标准答案", "answer", "correct", "correct answer"],
    "explanation": ["解析", "答案解析", "试题解析", "explanation", "analysis"],
    "difficulty": ["难度", "难易度", "难易程度", "difficulty", "level"],
    "area": ["领域", "攻坚战", "专项领域", "area", "campaign area"],
    "venue": ["场景", "七进", "场所", "venue"],
    "points": ["分值", "分数", "points", "score"],
    "source": ["出处", "依据", "法律依据", "来源", "source", "legal basis"],
}
for _label in OPTION_LABELS:
    HEADERS[f"option_{_label}"] = [f"选项{_label}", _label, f"option {_label}", f"option{_label}", f"选项 {_label}"]

# The Chinese header each column is exported under (the first spelling above).
EXPORT_COLUMNS = ["kind", "stem"] + [f"option_{label}" for label in OPTION_LABELS] + [
    "answer", "explanation", "difficulty", "area", "venue", "points", "source"
]

KIND_SPELLINGS = {
    Question.Kind.SINGLE: ["单选", "单选题", "单项选择", "单项选择题", "single", "single choice"],
    Question.Kind.MULTIPLE: ["多选", "多选题", "多项选择", "多项选择题", "multiple", "multiple choice"],
    Question.Kind.TRUE_FALSE: ["判断", "判断题", "是非题", "truefalse", "true/false", "true or false"],
}
KIND_EXPORT = {Question.Kind.SINGLE: "单选", Question.Kind.MULTIPLE: "多选", Question.Kind.TRUE_FALSE: "判断"}
TRUE_SPELLINGS = {"对", "√", "✓", "✔", "正确", "是", "A", "T", "TRUE", "Y"}
FALSE_SPELLINGS = {"错", "×", "✗", "✘", "X", "错误", "否", "B", "F", "FALSE", "N"}
DIFFICULTY_SPELLINGS = {"1": 1, "2": 2, "3": 3, "易": 1, "中": 2, "难": 3, "容易": 1, "中等": 2, "困难": 3,
                        "简单": 1, "较难": 3, "easy": 1, "medium": 2, "hard": 3}
ANSWER_SEPARATORS = re.compile(r"[\s,，、;；/|]+")


def normalise(value):
    """A cell as clean text: None -> "", numbers without a trailing .0, NFKC (full-width -> half-width)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def header_key(header):
    """The column key of a header cell, or None for a column we do not know."""
    text = re.sub(r"\s+", " ", normalise(header)).lower()
    for key, spellings in HEADERS.items():
        if text in (spelling.lower() for spelling in spellings):
            return key
    return None


def parse_kind(text):
    lowered = text.lower()
    for kind, spellings in KIND_SPELLINGS.items():
        if lowered in spellings:
            return kind
    raise ValueError(_("Unknown question type “%(value)s”: use 单选, 多选 or 判断.") % {"value": text})


def parse_answer(kind, text, option_count):
    """The correct labels as a string such as "ACD"."""
    if kind == Question.Kind.TRUE_FALSE:
        upper = text.upper()
        if upper in TRUE_SPELLINGS:
            return "A"
        if upper in FALSE_SPELLINGS:
            return "B"
        raise ValueError(_("Unknown true/false answer “%(value)s”: use 对/错, √/×, 正确/错误 or A/B.") % {"value": text})
    letters = "".join(ANSWER_SEPARATORS.split(text.upper()))
    if not letters:
        raise ValueError(_("The answer is empty."))
    unknown = [letter for letter in letters if letter not in OPTION_LABELS[:option_count]]
    if unknown:
        raise ValueError(
            _("The answer “%(value)s” names an option that does not exist.") % {"value": text}
        )
    if len(set(letters)) != len(letters):
        raise ValueError(_("The answer “%(value)s” repeats an option.") % {"value": text})
    return "".join(sorted(letters))


def parse_difficulty(text):
    if not text:
        return 1
    try:
        return DIFFICULTY_SPELLINGS[text.lower()]
    except KeyError:
        raise ValueError(_("Unknown difficulty “%(value)s”: use 1-3 or 易/中/难.") % {"value": text}) from None


def parse_points(text):
    if not text:
        return 10
    if not text.isdigit() or not 0 < int(text) <= 1000:
        raise ValueError(_("Points must be a whole number from 1 to 1000, not “%(value)s”.") % {"value": text})
    return int(text)


def parse_term(model, text):
    """A Venue or CampaignArea by its label or code (None when the cell is empty)."""
    if not text:
        return None
    term = model.objects.filter(name=text).first() or model.objects.filter(code=text.lower()).first()
    if term is None:
        # "消防" for "消防安全", "企业" for "进企业"
        bare = text.removeprefix("进")
        term = model.objects.filter(name__startswith=bare).first() if bare else None
    if term is None:
        names = "、".join(model.objects.values_list("name", flat=True))
        raise ValueError(_("Unknown “%(value)s”: use one of %(names)s.") % {"value": text, "names": names})
    return term
