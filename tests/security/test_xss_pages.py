"""Hostile text in the live parts and the case pages, as the server renders it: contest and public
game pages, published results, the admin listings of contests and questions, a violation case
page and the site search. (What the live pages draw from socket frames is tried in chromium in
test_xss_live_browser.py.)"""
import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from core.accounts.models import User
from core.accounts.roles import HOSTS, JUDGES

from .xss import PAYLOADS, assert_shown_escaped, injections

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def assert_no_injection(response):
    assert response.status_code == 200, response.status_code
    problems = injections(response.content.decode())
    assert not problems, problems


@pytest.mark.parametrize("payload", PAYLOADS)
def test_contest_pages_results_and_admin_lists_show_hostile_text_as_text(admin_client, payload):
    from contests.interunit.results import request_results_publication
    from tests.interunit.conftest import make_contest

    contest = make_contest(judged=True)
    contest.title = f"联赛 {payload}"
    contest.save()
    team = contest.teams.first()
    team.name, team.unit = payload[:60], f"单位 {payload}"
    team.save()
    rnd = contest.rounds.get(kind="compulsory")
    rnd.title = payload[:100]
    rnd.save()
    question = rnd.slots.first().question
    question.stem, question.explanation = f"题干 {payload}", f"解析 {payload}"
    question.save()
    question.options.filter(is_correct=False).update(text=f"选项 {payload}")
    host, judge = User.objects.get(username="host"), User.objects.get(username="judge")

    screen = Client().get(reverse("contests:screen", args=[contest.pk]))
    assert_shown_escaped(screen, f"联赛 {payload}")
    pad = Client().get(reverse("contests:team_pad", args=[team.access_code]))
    assert_shown_escaped(pad, payload[:60])
    console = signed_in(host).get(reverse("contests:host", args=[contest.pk]))
    assert_shown_escaped(console, payload[:60])  # the team's QR code caption
    assert_no_injection(signed_in(judge).get(reverse("contests:judge", args=[contest.pk])))

    page, review = request_results_publication(contest, user=host)
    review.current_task_state.approve(user=User.objects.get(username="admin"))
    results = Client().get(page.url)
    assert_shown_escaped(results, payload[:60])
    assert_shown_escaped(results, f"单位 {payload}")
    assert_shown_escaped(results, f"联赛 {payload}")

    assert_shown_escaped(admin_client.get("/admin/snippets/contests/contest/"), f"联赛 {payload}")
    assert_shown_escaped(admin_client.get("/admin/snippets/contests/contest/", {"q": payload}), payload)
    questions = admin_client.get("/admin/snippets/quizzes/question/")
    assert_shown_escaped(questions, f"题干 {payload}")
    editor = admin_client.get(f"/admin/snippets/quizzes/question/edit/{question.pk}/")
    assert_shown_escaped(editor, f"选项 {payload}")
    assert_shown_escaped(editor, f"解析 {payload}")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_public_game_pages_lists_and_results_show_hostile_text_as_text(payload):
    from contests.games import runner, state
    from contests.games.models import Player, PlayerAnswer, PublicGame
    from tests.games.conftest import make_bank

    state.played_questions.cache_clear()  # cached per process by id; ids repeat across rolled-back tests
    bank = make_bank(name=f"题库 {payload}")
    bank.questions.update(stem=f"题干 {payload}")
    game = PublicGame.objects.create(title=f"游戏 {payload}"[:100], bank=bank, reading_seconds=0, answer_seconds=30)
    game.fill_from_bank(3)
    nickname = "<img src=x>"  # nicknames have at most 12 characters
    player = Player.objects.create(game=game, nickname=nickname, nickname_key="x")
    runner.next_question(game, now=1000)
    PlayerAnswer.objects.create(game=game, player=player, question_index=0, choice="B", elapsed_ms=1000,
                                answered_at="2026-06-16T10:00:00Z")
    runner.reveal(game, now=5000)
    runner.finish(game)
    host = User.objects.create_user("zhuchiren", password="x")
    host.groups.add(Group.objects.get_or_create(name=HOSTS)[0])
    game.owner = host
    game.save(update_fields=["owner"])

    for name in ("play", "screen"):
        assert_shown_escaped(Client().get(reverse(f"games:{name}", args=[game.pin])), game.title)
    host_client = signed_in(host)
    assert_shown_escaped(host_client.get(reverse("games:host_games")), game.title)
    assert_shown_escaped(host_client.get(reverse("games:host_games")), f"题库 {payload}")  # the bank choice
    assert_no_injection(host_client.get(reverse("games:host", args=[game.pin])))
    results = Client().get(reverse("games:results", args=[game.pin]))
    assert_shown_escaped(results, game.title)
    assert_shown_escaped(results, f"题干 {payload}")
    assert_shown_escaped(results, nickname)


@pytest.fixture
def case_index():
    from base.models import HomePage
    from cases.models import CaseIndexPage

    return HomePage.objects.get(depth=2).add_child(instance=CaseIndexPage(title="典型案例曝光", slug="cases"))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_case_page_its_listing_and_the_site_search_show_hostile_text_as_text(client, case_index, payload):
    from datetime import date

    from cases.models import ViolationCasePage
    from core.taxonomy.models import CampaignArea

    case = case_index.add_child(instance=ViolationCasePage(
        title=f"安全 {payload}", slug="case", unit_name=f"单位 {payload}", unit_kind="enterprise", township="塘下镇",
        area=CampaignArea.objects.first(), facts=f"事实 {payload}", legal_basis=f"依据 {payload}", fine_yuan=1000,
        decision_number="罚〔2019〕1号", decision_date=date(2019, 6, 5),
    ))
    body = client.get(case.url).content.decode()
    for text in (f"安全 {payload}", f"单位 {payload}", f"事实 {payload}", f"依据 {payload}"):
        assert_shown_escaped(body, text)
    assert_shown_escaped(client.get(case_index.url), f"安全 {payload}")
    assert_shown_escaped(client.get("/search/", {"q": payload}), payload)
    found = client.get("/search/", {"q": "塘下镇"})
    assert case in [result.obj for result in found.context["results"]]
    assert_shown_escaped(found, payload)
