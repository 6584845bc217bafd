"""Drawing a paper (组卷): N questions from a bank by a mix of type, area, venue and difficulty.

    from quizzes.papers import draw_paper, PaperError

    questions = draw_paper(
        Question.objects.filter(bank=bank, active=True),
        [
            {"count": 5, "kind": "single", "area": "fire"},       # 5 single-choice fire questions
            {"count": 3, "kind": "truefalse", "difficulty": 1},  # 3 easy true/false, any area
            {"count": 2, "venue": "school"},                      # 2 of any type for schools
        ],
        seed=42,
    )

`questions_queryset`: any queryset of Question (filter bank/active yourself).
`mix`: a list of requirements, each a mapping with `count` (>= 1) and any of
    `kind` ("single" | "multiple" | "truefalse"), `area` (CampaignArea code or instance),
    `venue` (Venue code or instance), `difficulty` (1-3); a missing or None key matches anything.
`seed`: anything `random.Random` accepts; the same seed and the same bank give the same paper.

Returns a list of Question (options prefetched), requirement by requirement in the order of `mix`,
with no question twice. Raises `PaperError` (a ValueError with a Chinese message naming the
requirement) when the bank cannot satisfy the mix, also when requirements overlap and compete for
the same questions.
"""
import random

from django.utils.translation import gettext as _

from core.taxonomy.models import CampaignArea, Venue

from .models import Question


class PaperError(ValueError):
    """The bank cannot satisfy the mix; str(error) is a message for the user."""


def draw_paper(questions_queryset, mix, seed):
    rng = random.Random(seed)
    questions = list(
        questions_queryset.select_related("area", "venue").prefetch_related("options").order_by("pk")
    )
    slots = []  # one entry per question to draw: the indices of the questions that fit it
    for requirement in mix:
        count = int(requirement.get("count") or 0)
        if count < 1:
            raise PaperError(_("Every requirement of the mix asks for at least one question."))
        candidates = [index for index, question in enumerate(questions) if _fits(question, requirement)]
        if len(candidates) < count:
            raise PaperError(_shortfall(requirement, len(candidates)))
        for _copy in range(count):
            slots.append((requirement, rng.sample(candidates, len(candidates))))
    chosen_for_slot = _match(slots)
    for (requirement, candidates), chosen in zip(slots, chosen_for_slot):
        if chosen is None:
            raise PaperError(_shortfall(requirement, len(candidates), overlapping=True))
    return [questions[index] for index in chosen_for_slot]


def _fits(question, requirement):
    if requirement.get("kind") and question.kind != requirement["kind"]:
        return False
    if requirement.get("difficulty") and question.difficulty != int(requirement["difficulty"]):
        return False
    for key in ("area", "venue"):
        wanted = requirement.get(key)
        term = getattr(question, key)
        if wanted and (term is None or _code(wanted) != term.code):
            return False
    return True


def _code(term):
    return getattr(term, "code", term)


def _match(slots):
    """Bipartite matching of slots to distinct questions (augmenting paths), so overlapping
    requirements succeed whenever any assignment exists. Candidates are pre-shuffled by the seed."""
    owner = {}  # question index -> slot index

    def assign(slot, seen):
        for candidate in slots[slot][1]:
            if candidate in seen:
                continue
            seen.add(candidate)
            if candidate not in owner or assign(owner[candidate], seen):
                owner[candidate] = slot
                return True
        return False

    for slot in range(len(slots)):
        assign(slot, set())
    result = [None] * len(slots)
    for candidate, slot in owner.items():
        result[slot] = candidate
    return result


def describe_requirement(requirement):
    """A requirement in words, e.g. "单选题、消防安全、难度 2"."""
    parts = []
    if requirement.get("kind"):
        parts.append(str(Question.Kind(requirement["kind"]).label))
    for key, model in (("area", CampaignArea), ("venue", Venue)):
        if requirement.get(key):
            term = model.objects.filter(code=_code(requirement[key])).first()
            parts.append(term.name if term else str(requirement[key]))
    if requirement.get("difficulty"):
        parts.append(_("difficulty %(level)s") % {"level": requirement["difficulty"]})
    return "、".join(parts) or _("any question")


def _shortfall(requirement, available, overlapping=False):
    values = {"what": describe_requirement(requirement), "count": requirement["count"], "available": available}
    if overlapping:
        return _(
            "The bank cannot satisfy the mix: “%(what)s” needs %(count)s questions, and the %(available)s "
            "that fit are also needed by other requirements."
        ) % values
    return _("The bank cannot satisfy the mix: “%(what)s” needs %(count)s questions but only %(available)s fit.") % values
