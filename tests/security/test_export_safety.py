"""Every spreadsheet export, fed hostile text: the contest audit, both public-game workbooks, the
question bank export and the case exports (CSV and Excel). Each file is read back: no cell is a
formula, every hostile text is there as a string, and text that would start a formula is
neutralised (a leading apostrophe from core.exports.formula_safety, or Excel's quote prefix where the
question bank must read its own export back unchanged)."""
import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from core.exports.formula_safety import FORMULA_TRIGGERS

from .test_formula_safety import ATTACKS
from .xss import PAYLOADS

pytestmark = pytest.mark.django_db
SHORT_ATTACKS = ["=1+1", "+1+1", "-2+3", "@SUM(A1)", "=cmd|'/C'!A0"]  # fit a 12-character nickname


def cells(workbook):
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def assert_inert(workbook, texts, quoted=True):
    """No formula cell; each text stored as a string; none would run as a formula (with `quoted`,
    not even after the cell is edited in Excel)."""
    found = []
    for cell in cells(workbook):
        assert cell.data_type != "f", f"{cell.coordinate} is a formula: {cell.value!r}"
        if isinstance(cell.value, str):
            assert cell.data_type in ("s", "inlineStr"), cell.value
            if quoted and cell.value.startswith(FORMULA_TRIGGERS):
                assert cell.quotePrefix, f"{cell.coordinate} would run: {cell.value!r}"
            found.append(cell.value)
    for text in texts:
        assert any(text.strip() in value for value in found), f"{text!r} missing from the export"


def test_the_contest_audit_keeps_hostile_names_questions_and_reasons_as_text():
    from contests.interunit.exporting import audit_workbook
    from contests.interunit.models import Answer, ScoreEvent
    from tests.interunit.conftest import make_contest

    contest = make_contest()
    texts = []
    for team, payload, attack in zip(contest.teams.all(), PAYLOADS, ATTACKS):
        team.name, team.unit = payload[:60], attack
        team.save()
        texts += [payload[:60], attack]
    slots = [slot for rnd in contest.rounds.all() for slot in rnd.slots.select_related("question")]
    for number, (slot, attack) in enumerate(zip(slots, ATTACKS)):
        slot.round.title = attack[:100]
        slot.round.save()
        slot.question.stem = f"{attack}{PAYLOADS[number]}"
        slot.question.save()
        team = contest.teams.all()[number % 3]
        ScoreEvent.objects.create(contest=contest, team=team, delta=-5, reason=attack, slot=slot, actor=PAYLOADS[number])
        Answer.objects.create(contest=contest, slot=slot, team=team, choice="B", verdict="wrong", delta=-5,
                              judged_by=attack)
        texts += [attack[:100], slot.question.stem, PAYLOADS[number]]
    buffer = io.BytesIO()
    audit_workbook(contest).save(buffer)
    assert_inert(load_workbook(buffer), texts)


def test_both_public_game_workbooks_keep_hostile_nicknames_and_questions_as_text():
    from contests.games import runner
    from contests.games.export_xlsx import per_player_workbook, per_question_workbook
    from contests.games.models import Player, PlayerAnswer, PublicGame
    from tests.games.conftest import make_bank

    bank = make_bank()
    stems = []
    for question, attack, payload in zip(bank.questions.all(), ATTACKS, PAYLOADS):
        question.stem = f"{attack}{payload}"
        question.save()
        stems.append(question.stem)
    game = PublicGame.objects.create(title=PAYLOADS[0], bank=bank, reading_seconds=0, answer_seconds=30)
    game.fill_from_bank(3)
    players = [Player.objects.create(game=game, nickname=name, nickname_key=str(number), phone="13812345678")
               for number, name in enumerate(SHORT_ATTACKS + ["<img src=x>"])]
    runner.next_question(game, now=1000)
    for player in players:
        PlayerAnswer.objects.create(game=game, player=player, question_index=0, choice="A", elapsed_ms=1500,
                                    answered_at="2026-06-16T10:00:00Z")
    runner.reveal(game, now=5000)
    runner.finish(game)
    for workbook, texts in ((per_player_workbook(game), SHORT_ATTACKS + ["<img src=x>"]),
                            (per_question_workbook(game), stems[:1])):
        buffer = io.BytesIO()
        workbook.save(buffer)
        assert_inert(load_workbook(buffer), texts)


def test_the_question_bank_export_keeps_stems_options_and_explanations_as_text():
    from quizzes.exporting import export_xlsx
    from tests.quizzes.factories import make_bank, make_question

    bank = make_bank()
    texts = []
    for attack, payload in zip(ATTACKS, PAYLOADS):
        make_question(bank, f"{attack}{payload}", options=(attack, payload), correct="B", explanation=attack)
        texts += [f"{attack}{payload}", attack, payload]
    assert_inert(load_workbook(io.BytesIO(export_xlsx(bank.questions.all(), "题库"))), texts)


@pytest.fixture
def hostile_cases():
    from base.models import HomePage
    from cases.models import CaseIndexPage, ViolationCasePage
    from core.taxonomy.models import CampaignArea

    index = HomePage.objects.get(depth=2).add_child(instance=CaseIndexPage(title="典型案例曝光", slug="cases"))
    area = CampaignArea.objects.first()
    for number, (attack, payload) in enumerate(zip(ATTACKS, PAYLOADS)):
        index.add_child(instance=ViolationCasePage(
            title=f"{attack}{payload}", slug=f"case-{number}", unit_name=attack, unit_kind="enterprise",
            township=attack[:60], area=area, facts=payload, legal_basis=attack, fine_yuan=1000 + number,
            decision_number=attack[:80], decision_date=date(2019, 6, 5),
        ))
    return ViolationCasePage.objects.all()


def test_the_case_exports_neutralise_formulas_in_excel_and_csv(hostile_cases):
    from cases.export import export_csv, export_xlsx

    workbook = load_workbook(io.BytesIO(export_xlsx(hostile_cases).content))
    assert_inert(workbook, ATTACKS + PAYLOADS[:len(ATTACKS)])
    numbers = [cell.value for cell in cells(workbook) if isinstance(cell.value, (int, float))]
    assert 1006 in numbers  # fines stay numbers
    rows = list(csv.reader(io.StringIO(export_csv(hostile_cases).content.decode("utf-8-sig"))))
    for row in rows[1:]:
        for value in row:
            assert not value.startswith(FORMULA_TRIGGERS), value
    assert {row[0] for row in rows[1:]} == {f"'{attack}{payload}" for attack, payload in zip(ATTACKS, PAYLOADS)}


def test_the_archived_online_quiz_results_export_neutralises_visitor_names_and_units(admin_client):
    from django.utils import timezone
    from wagtail.models import Page

    from onlinecontest.models import OnlineContestPage
    from onlinecontest.records import ArchivedQuizAttempt
    from tests.quizzes.factories import make_bank

    page = Page.objects.get(depth=2).add_child(instance=OnlineContestPage(
        title="网上答题", slug="quiz", bank=make_bank(), identity=OnlineContestPage.Identity.COOKIE))
    now = timezone.now()
    for number, attack in enumerate(ATTACKS):
        ArchivedQuizAttempt.objects.create(page=page, name=attack[:40], unit=PAYLOADS[number][:60], status="scored",
                                           started_at=now)
    url = "/admin/online_quiz_results/"
    workbook = load_workbook(io.BytesIO(admin_client.get(url, {"export": "xlsx"}).getvalue()))
    # Wagtail's own Excel export stores what openpyxl would take for a formula as a string cell.
    assert_inert(workbook, [attack[:40] for attack in ATTACKS], quoted=False)
    rows = list(csv.reader(io.StringIO(admin_client.get(url, {"export": "csv"}).getvalue().decode("utf-8-sig"))))
    names = {row[1] for row in rows[1:]}
    assert names == {"'" + attack[:40] for attack in ATTACKS}
