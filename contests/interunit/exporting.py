"""The audit trail of a contest as an Excel workbook: every score event and every answer."""
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.exports.formula_safety import safe_cell

from .models import ranking


def audit_workbook(contest):
    workbook = Workbook()
    events = workbook.active
    events.title = _("Score events")
    events.append([_("Time"), _("Team"), _("Change"), _("Reason"), _("Round"), _("Question"), _("By")])
    for event in contest.events.select_related("team", "slot__round", "slot__question"):
        slot = event.slot
        events.append([safe_cell(value) for value in (
            localtime(event.created_at).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3], event.team.name, event.delta,
            event.reason, slot.round.title if slot else "", slot.question.stem if slot and slot.question else "",
            event.actor,
        )])
    answers = workbook.create_sheet(_("Answers"))
    answers.append([_("Time"), _("Team"), _("Round"), _("Question"), _("Choice"), _("Correct answer"),
                    _("Verdict"), _("Change"), _("Risk value"), _("Voided"), _("By")])
    for answer in contest.answers.select_related("team", "slot__round", "slot__question"):
        question = answer.slot.question
        answers.append([safe_cell(value) for value in (
            localtime(answer.created_at).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3], answer.team.name,
            answer.slot.round.title, question.stem if question else "", answer.choice,
            question.correct_labels() if question else "", answer.verdict, answer.delta, answer.risk_value,
            _("yes") if answer.voided else "", answer.judged_by,
        )])
    ranking_sheet = workbook.create_sheet(_("Ranking"))
    ranking_sheet.append([_("Rank"), _("Team"), _("Unit"), _("Score")])
    for rank, team, score in ranking(contest):
        ranking_sheet.append([safe_cell(value) for value in (rank, team.name, team.unit, score)])
    return workbook
