"""Hostile text on the live pages, in chromium against daphne. The big screen, phone, host
console, team pad and judge panel draw names, questions and results from socket frames with
JavaScript; each step of a game and of a contest is checked for injected elements, for an
`alert` that ran, and for the hostile text being visible as text."""
import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from playwright.sync_api import expect
from websockets.sync.client import connect

from core.accounts.models import User
from core.accounts.roles import HOSTS

from .browser_checks import csp_violations, watch_console
from .xss import NICKNAME_PAYLOADS, PAYLOADS, RECORD_ALERTS, injected_in_browser

pytestmark = pytest.mark.browser
MARKUP_PAYLOADS = [payload for payload in PAYLOADS if "<" in payload]


@pytest.fixture(autouse=True)
def fresh_played_questions():
    """Cached per process by game id, and ids repeat across rolled-back tests: clear the cache
    before daphne is forked from this process (autouse fixtures come before `asgi_server`)."""
    from contests.games import state

    state.played_questions.cache_clear()

@pytest.fixture(autouse=True)
def patient_expect():
    expect.set_options(timeout=15_000)  # several pages on two busy cores
    yield
    expect.set_options(timeout=5_000)


def session_cookie(user, base_url):
    client = Client()
    client.force_login(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}


def open_page(browser, url, cookie=None, size=(1280, 900)):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="zh-CN")
    context.add_init_script(RECORD_ALERTS)
    if cookie:
        context.add_cookies([cookie])
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.dismiss())
    page.xss_console = watch_console(page)
    page.goto(url)
    return page


def assert_clean(page, *texts):
    """Nothing injected, no alert ran, no CSP violation (an injected handler would cause one), and
    every text is on the page as text."""
    assert injected_in_browser(page) == [], page.url
    assert csp_violations(page.xss_console) == [], page.url
    shown = page.evaluate("() => document.body.innerText")
    for text in texts:
        assert text in shown, f"{text!r} not shown on {page.url}"


def test_the_injection_check_finds_every_payload_made_live(browser):
    """The browser check itself: each payload inserted as HTML is found, and on a page without the
    CSP the handlers of some really run, which the recorded `alert` shows."""
    context = browser.new_context()
    context.add_init_script(RECORD_ALERTS)
    page = context.new_page()
    page.set_content("<html><body><p id='spot'>x</p></body></html>")
    for payload in MARKUP_PAYLOADS + NICKNAME_PAYLOADS:
        page.evaluate("(html) => { document.getElementById('spot').innerHTML = html; }", payload)
        assert injected_in_browser(page), payload
    page.evaluate("() => { document.getElementById('spot').textContent = ''; }")
    assert [found for found in injected_in_browser(page) if found.startswith("alert() ran")]
    context.close()


# A public game ------------------------------------------------------------------------------
def hostile_game():
    from contests.games.models import PublicGame
    from quizzes.models import Option, Question, QuestionBank

    bank = QuestionBank.objects.create(name="恶意题库")
    for number in range(3):
        stem, first, second = PAYLOADS[number * 3:number * 3 + 3]
        question = Question.objects.create(bank=bank, stem=f"题干 {stem}", explanation=f"解析 {second}")
        Option.objects.create(question=question, text=first, is_correct=True, sort_order=0)
        Option.objects.create(question=question, text=second, is_correct=False, sort_order=1)
    game = PublicGame.objects.create(title="游戏", bank=bank, reading_seconds=0, answer_seconds=60, podium_size=3)
    game.fill_from_bank(3)
    return game


def join_over_socket(base_url, pin, nickname):
    socket = connect(base_url.replace("http", "ws") + f"/ws/games/{pin}/play/", origin=base_url, open_timeout=10, legacy=True)
    socket.send(json.dumps({"type": "player.join", "nickname": nickname}))
    for _ in range(10):
        frame = json.loads(socket.recv(timeout=10))
        if frame["type"] == "player.joined":
            return socket
        assert frame["type"] != "error", frame
    raise AssertionError("no player.joined frame")


def drain(sockets):
    for socket in sockets:
        try:
            while True:
                socket.recv(timeout=0.01)
        except TimeoutError:
            pass


def test_game_screen_phone_and_host_show_hostile_names_and_questions_as_text(browser, asgi_server, output_dir):
    game = hostile_game()
    questions = game.ordered_questions()
    host = User.objects.create_user("zhuchiren", password="x")
    host.groups.add(Group.objects.get_or_create(name=HOSTS)[0])
    game.owner = host
    # Every hostile name is drawn: the podium's winners too, whatever prizes they already hold.
    game.draw_pool, game.draw_repeat = "everyone", True
    game.save(update_fields=["owner", "draw_pool", "draw_repeat"])
    screen = open_page(browser, f"{asgi_server}/live/games/{game.pin}/screen/", size=(1920, 1080))
    console = open_page(browser, f"{asgi_server}/live/games/{game.pin}/host/", session_cookie(host, asgi_server))
    phone = open_page(browser, f"{asgi_server}/live/games/{game.pin}/", size=(360, 740))
    expect(console.locator("[data-phase]")).to_have_text("等待玩家加入")
    phone.fill("#nickname", NICKNAME_PAYLOADS[0])
    phone.click("text=加入游戏 >> nth=-1")
    expect(phone.locator("[data-view=lobby]")).to_be_visible()
    others = [join_over_socket(asgi_server, game.pin, name) for name in NICKNAME_PAYLOADS[1:]]
    expect(screen.locator("[data-names] li")).to_have_count(len(NICKNAME_PAYLOADS))
    expect(console.locator("[data-roster] tr")).to_have_count(len(NICKNAME_PAYLOADS))
    for page in (screen, console):
        assert_clean(page, *NICKNAME_PAYLOADS)
    assert_clean(phone, NICKNAME_PAYLOADS[0])

    for index, question in enumerate(questions):
        options = [option.text for option in question.options.all()]
        console.click("button[data-command='host.next']")
        expect(phone.locator(".game-answer[data-label='A']")).to_be_enabled()
        expect(screen.locator("[data-stem]")).to_have_text(question.stem)
        expect(phone.locator("[data-stem]")).to_have_text(question.stem)
        expect(console.locator("[data-question]")).to_contain_text(question.stem)
        for page in (screen, phone):
            assert_clean(page, question.stem, *options)
        assert_clean(console, question.stem)
        phone.click(".game-answer[data-label='A']")
        for socket in others:
            socket.send(json.dumps({"type": "player.answer", "index": index, "choice": "A"}))
        console.click("button[data-command='host.reveal']")
        expect(screen.locator("[data-view=revealed]")).to_be_visible()
        expect(phone.locator("[data-view=revealed]")).to_be_visible()
        expect(screen.locator("[data-explanation]")).to_have_text(question.explanation)
        assert_clean(screen, question.stem, question.explanation, *options)
        assert_clean(phone, question.explanation)
        assert_clean(console)
        screen.screenshot(path=output_dir / f"screen-reveal-{index + 1}.png")
        console.click("button[data-command='host.leaderboard']")
        expect(screen.locator("[data-view=leaderboard]")).to_be_visible()
        expect(screen.locator("[data-top] li")).to_have_count(len(NICKNAME_PAYLOADS))
        assert_clean(screen, *NICKNAME_PAYLOADS)
        drain(others)
    screen.screenshot(path=output_dir / "screen-leaderboard.png")

    console.click("button[data-command='host.finish']")
    console.click("[data-confirm-yes]")  # ending is confirmed
    expect(screen.locator("[data-view=finished]")).to_be_visible()
    expect(screen.locator("[data-podium] li").first).to_be_visible()
    assert_clean(screen)
    console.fill("#draw-count", str(len(NICKNAME_PAYLOADS)))
    console.fill("#draw-min", "0")
    console.click("form[data-draw-form] button[type=submit]")
    expect(screen.locator("[data-winners] li")).to_have_count(len(NICKNAME_PAYLOADS))
    screen.screenshot(path=output_dir / "screen-draw.png")
    phone.screenshot(path=output_dir / "phone-finished.png")
    for page in (screen, console):
        assert_clean(page, *NICKNAME_PAYLOADS)
    assert_clean(phone, NICKNAME_PAYLOADS[0])
    results = open_page(browser, f"{asgi_server}/live/games/{game.pin}/results/")
    assert_clean(results, *NICKNAME_PAYLOADS, *(question.stem for question in questions))
    results.screenshot(path=output_dir / "results.png", full_page=True)
    for socket in others:
        socket.close()
    for context in browser.contexts:
        context.close()


# An inter-unit contest ------------------------------------------------------------------------
def hostile_contest(judged=False):
    from tests.interunit.conftest import make_contest

    contest = make_contest(answer_seconds=60, judged=judged)
    for team, name, unit in zip(contest.teams.all(), PAYLOADS[:3], PAYLOADS[3:6]):
        team.name, team.unit = name[:60], f"单位 {unit}"
        team.save()
    for rnd in contest.rounds.all():
        rnd.title = PAYLOADS[6][:100]
        if rnd.kind == "judged":
            rnd.criteria = [{"name": f"内容 {PAYLOADS[7]}", "max": 50}]
        rnd.save()
        for slot in rnd.slots.exclude(question=None).select_related("question"):
            question = slot.question
            question.stem, question.explanation = f"题干 {PAYLOADS[8]}", f"解析 {PAYLOADS[1]}"
            question.save()
            question.options.filter(text="119").update(text=f"119 {PAYLOADS[0]}")
            question.options.filter(text="110").update(text=f"110 {PAYLOADS[2]}")
    return contest


def team_texts(contest):
    return [text for team in contest.teams.all() for text in (team.name, team.unit)]


def test_contest_screen_pad_and_host_console_show_hostile_names_and_questions_as_text(fork_safe, asgi_server,
                                                                                       browser, output_dir):
    contest = hostile_contest()
    teams = team_texts(contest)
    team = contest.teams.first()
    cookie = session_cookie(User.objects.get(username="host"), asgi_server)
    console = open_page(browser, f"{asgi_server}/live/contest/{contest.pk}/host/", cookie, size=(1024, 1366))
    screen = open_page(browser, f"{asgi_server}/live/contest/{contest.pk}/screen/", size=(1920, 1080))
    pad = open_page(browser, f"{asgi_server}/live/team/{team.access_code}/", size=(360, 740))
    for page in (console, screen, pad):
        expect(page.locator("[data-phase]")).to_contain_text("等待开始")
    for page in (console, screen):
        assert_clean(page, *teams)
    assert_clean(pad, team.name)

    stem, explanation = f"题干 {PAYLOADS[8]}", f"解析 {PAYLOADS[1]}"
    options = [f"119 {PAYLOADS[0]}", f"110 {PAYLOADS[2]}"]
    console.get_by_role("button", name="开始比赛").click()
    expect(screen.locator(".stem")).to_have_text(stem)
    expect(pad.locator(".stem")).to_have_text(stem)
    for page in (console, screen, pad):
        assert_clean(page, stem, *options)
    console.get_by_role("button", name="开放作答").click()
    answer = pad.locator("button.option[data-label='B']")
    expect(answer).to_be_enabled()
    answer.click()
    expect(console.locator("[data-outcome]")).to_contain_text("回答正确")
    console.get_by_role("button", name="揭晓答案").click()
    expect(screen.locator(".explanation")).to_have_text(explanation)
    for page in (console, screen, pad):
        assert_clean(page, stem, explanation, *options)
    assert_clean(screen, *teams)
    screen.screenshot(path=output_dir / "contest-screen-revealed.png")
    pad.screenshot(path=output_dir / "contest-pad-revealed.png", full_page=True)
    console.screenshot(path=output_dir / "contest-host-revealed.png", full_page=True)
    for context in browser.contexts:
        context.close()


def test_contest_judge_panel_shows_hostile_team_and_criterion_names_as_text(fork_safe, asgi_server, browser,
                                                                            output_dir):
    from contests.interunit.runner import run
    from contests.rules.phases import Role

    contest = hostile_contest(judged=True)
    run(contest.pk, Role.HOST, None, "host", "start", {})
    run(contest.pk, Role.HOST, None, "host", "open", {})
    criterion = f"内容 {PAYLOADS[7]}"
    judge = open_page(browser, f"{asgi_server}/live/contest/{contest.pk}/judge/",
                      session_cookie(User.objects.get(username="judge"), asgi_server), size=(360, 740))
    screen = open_page(browser, f"{asgi_server}/live/contest/{contest.pk}/screen/", size=(1920, 1080))
    expect(judge.locator("[data-criteria] input")).to_have_count(1)
    assert_clean(judge, criterion, *team_texts(contest))
    judge.locator("[data-criteria] input").fill("47")
    judge.get_by_role("button", name="提交分数").click()
    expect(screen.locator(".judge-total")).to_have_text("评委得分: 47")
    assert_clean(screen, *team_texts(contest))
    assert_clean(judge)
    judge.screenshot(path=output_dir / "judge.png", full_page=True)
    for context in browser.contexts:
        context.close()
