"""Excel exports of a game's results: per player (each answer, time, points) and per question.

Every text cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR) is prefixed with
an apostrophe: a nickname like `=cmd|' /C calc'!A0` stays text.
"""
from io import BytesIO

from django.db.models import Avg, Count, Q
from django.http import HttpResponse
from django.utils.translation import gettext as _, pgettext
from openpyxl import Workbook
from openpyxl.styles import Font

from contests.rules.public_game import ranking
from core.exports.formula_safety import safe_cell

from .frames import distribution
from .state import played_questions
from .models import Player, PlayerAnswer

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(workbook, title, header, rows, *, new=False):
    sheet = workbook.create_sheet(title) if new else workbook.active
    sheet.title = title
    sheet.append([safe_cell(text) for text in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    return workbook


def per_player_workbook(game):
    count = len(played_questions(game.pk))
    header = [_("Rank"), _("Nickname"), _("Score"), _("Correct answers"), _("Phone"), _("Removed")]
    for number in range(1, count + 1):
        header += [_("Q%(n)d answer") % {"n": number}, _("Q%(n)d time (s)") % {"n": number}, _("Q%(n)d points") % {"n": number}]
    players = {p.pk: p for p in Player.objects.filter(game=game)}
    answers = {(a.player_id, a.question_index): a for a in PlayerAnswer.objects.filter(game=game)}
    ranks = {
        r.player_id: r.rank
        for r in ranking(((p.pk, p.score, p.total_ms) for p in players.values() if not p.kicked), by_time=game.speed_counts)
    }
    rows = []
    for player in sorted(players.values(), key=lambda p: (ranks.get(p.pk, len(players) + 1), p.pk)):
        row = [ranks.get(player.pk, ""), player.nickname, player.score, player.correct_count, player.masked_phone,
               _("yes") if player.kicked else ""]
        for index in range(count):
            answer = answers.get((player.pk, index))
            row += [answer.choice, round(answer.elapsed_ms / 1000, 2), answer.points] if answer else ["", "", ""]
        rows.append(row)
    workbook = _sheet(Workbook(), _("Players"), header, rows)
    return draws_sheet(workbook, game, players)


def draws_sheet(workbook, game, players):
    """Every lucky draw with its seed, so that anyone can repeat it (the big screen never shows it)."""
    header = [_("Drawn at"), _("Seed"), _("Winners drawn"), _("Minimum correct answers"), _("Eligible players"), _("Winners")]
    rows = [
        [draw.drawn_at.strftime("%Y-%m-%d %H:%M:%S"), draw.seed, draw.count, draw.min_correct, len(draw.eligible_ids),
         "、".join(players[pk].nickname for pk in draw.winner_ids if pk in players)]
        for draw in game.draws.all()
    ]
    return _sheet(workbook, _("Lucky draws"), header, rows, new=True)


def question_rows(game):
    """Per question: stem, correct labels, answers, correct count, average time, distribution."""
    stats = {
        row["question_index"]: row
        for row in PlayerAnswer.objects.filter(game=game).values("question_index").annotate(
            answered=Count("pk"), correct=Count("pk", filter=Q(correct=True)), average_ms=Avg("elapsed_ms")
        )
    }
    rows = []
    for index, played in enumerate(played_questions(game.pk)):
        row = stats.get(index, {})
        average = row.get("average_ms")
        rows.append({
            "number": index + 1,
            "stem": played.public["stem"],
            "correct_labels": played.reveal["correct"],
            "answered": row.get("answered", 0),
            "correct": row.get("correct", 0),
            "average_s": round(average / 1000, 2) if average is not None else None,
            "distribution": distribution(game, index),
        })
    return rows


def per_question_workbook(game):
    header = [_("No."), _("Question"), _("Correct answer"), pgettext("answer count", "Answers"), pgettext("correct count", "Correct"), _("Average time (s)"), _("Distribution")]
    rows = [
        [row["number"], row["stem"], row["correct_labels"], row["answered"], row["correct"], row["average_s"],
         "  ".join(f"{label}: {n}" for label, n in sorted(row["distribution"].items()))]
        for row in question_rows(game)
    ]
    return _sheet(Workbook(), _("Questions"), header, rows)


def workbook_response(workbook, filename):
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
