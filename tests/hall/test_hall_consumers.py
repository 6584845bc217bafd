"""The hall plays along, over the sockets: the contest's host switches the audience game on,
opens each question for the hall only after the teams, and audience answers never touch team
scores."""
import pytest
from asgiref.sync import sync_to_async
from channels.routing import URLRouter

from contests.games.models import Player, PublicGame
from contests.hall.models import Hall
from contests.interunit import runner
from contests.interunit.models import ScoreEvent
from contests.live.fanout import broadcast
from contests.routing import websocket_urlpatterns
from contests.rules.phases import Role
from contests.rules.refusal import Refusal
from tests.games.conftest import connect, pass_header, receive, receive_until, send
from tests.interunit.conftest import make_contest

pytestmark = pytest.mark.django_db(transaction=True)
bare = URLRouter(websocket_urlpatterns)  # without the auth middleware: the test puts the host in the scope


@sync_to_async
def contest_and_host():
    from core.accounts.models import User

    contest = make_contest()
    return contest, User.objects.get(username="host")


async def contest_command(contest, command, role=Role.HOST, actor=None, **args):
    """What the contest's socket does: run the command, then broadcast its frames."""
    frames = await sync_to_async(runner.run)(contest.pk, role, actor, str(role), command, args)
    await broadcast(contest.game_key, frames)


@sync_to_async
def team_scores(contest):
    contest.refresh_from_db()
    return contest.scores(), ScoreEvent.objects.filter(contest=contest).count()


@sync_to_async
def current_team(contest):
    contest.refresh_from_db()
    return contest.state["team"]


@sync_to_async
def hall_game(contest):
    game = Hall.objects.select_related("game").get(contest=contest).game
    PublicGame.objects.filter(pk=game.pk).update(reading_seconds=0)  # answer at once in the test
    return game


@sync_to_async
def player_score(game, nickname):
    return Player.objects.get(game=game, nickname=nickname).score


async def hall_seat(contest, role, user=None):
    seat = await connect(f"/ws/hall/{contest.pk}/{role}/", bare, user=user)
    snapshot = await receive(seat)
    assert snapshot["type"] == "snapshot", snapshot
    return seat, snapshot


async def hall_frame(seat, predicate=lambda frame: True):
    for _ in range(30):
        frame = await receive_until(seat, "hall")
        if predicate(frame):
            return frame
    raise AssertionError("no such hall frame")


async def refusal(seat, type_, **fields):
    await send(seat, type_, **fields)
    return (await receive_until(seat, "error"))["code"]


async def join(pin, nickname):
    phone = await connect(f"/ws/games/{pin}/play/", headers=[pass_header(pin)])
    await receive(phone)
    await send(phone, "player.join", nickname=nickname)
    assert (await receive(phone))["type"] == "player.joined"
    await receive(phone)  # the player's snapshot
    return phone


async def test_the_hall_answers_after_the_teams_and_never_touches_their_scores():
    contest, host_user = await contest_and_host()
    host, snapshot = await hall_seat(contest, "host", host_user)
    screen, screen_snapshot = await hall_seat(contest, "screen")
    assert snapshot["hall"] is None and snapshot["actions"]["allowed"] == ["create"]
    assert screen_snapshot["hall"] is None and "actions" not in screen_snapshot

    await send(host, "host.create")
    created = await hall_frame(host, lambda frame: frame["hall"])
    pin = created["hall"]["pin"]
    shown = await hall_frame(screen, lambda frame: frame["hall"])
    assert shown["hall"]["qr_url"] == f"/live/games/{pin}/qr.svg" and "console_url" not in shown["hall"]
    assert await refusal(host, "host.create") == "hall_exists"
    game = await hall_game(contest)
    phone = await join(pin, "观众甲")

    # The contest's first question: the teams read, then answer; the hall may not open meanwhile.
    await contest_command(contest, "start")
    assert await refusal(host, "host.open") == "teams_first"
    await contest_command(contest, "open")
    assert await refusal(host, "host.open") == "teams_first"
    team = await current_team(contest)
    await contest_command(contest, "answer", role=Role.TEAM, actor=team, choice="A")  # wrong: the verdict is held back
    before = await team_scores(contest)
    ready = await hall_frame(host, lambda frame: "open" in frame["actions"]["allowed"])
    assert ready["actions"]["primary"] == "open"

    await send(host, "host.open")
    question = await receive_until(phone, "game.question")
    assert question["game"]["index"] == 0
    # The contest's answer stays hidden while the hall may still answer.
    with pytest.raises(Refusal) as refused:
        await contest_command(contest, "reveal")
    assert refused.value.code == "hall_open"
    await send(phone, "player.answer", index=0, choice="B")
    await receive_until(phone, "answer.accepted")
    await send(host, "host.reveal")
    result = await receive_until(phone, "player.result")
    assert result["correct"] is True and result["points"] > 0
    assert await player_score(game, "观众甲") > 0
    assert await team_scores(contest) == before  # audience answers never touch team scores

    await contest_command(contest, "reveal")
    assert await refusal(host, "host.open") == "teams_first"  # the answer is shown: too late for the hall
    # The game's own console cannot run ahead of the contest.
    game_console = await connect(f"/ws/games/{pin}/host/", bare, user=host_user)
    console_snapshot = await receive(game_console)
    assert console_snapshot["actions"]["allowed"] == [] and console_snapshot["actions"]["primary"] is None
    assert await refusal(game_console, "host.next") == "follows_contest"

    assert await refusal(host, "host.finish") == "contest_running"
    await contest_command(contest, "end")
    finished = await hall_frame(host, lambda frame: frame["contest_phase"] == "finished")
    assert finished["actions"]["allowed"] == ["finish"]
    await send(host, "host.finish")
    await hall_frame(host, lambda frame: frame["hall"]["phase"] == "finished")
    await send(host, "host.draw", count=1, min_correct=1)
    # The podium's winner holds a prize; the pool leaves the podium out, so nobody is left.
    assert (await receive_until(host, "error"))["code"] == "nobody_eligible"
    screen_end = await hall_frame(screen, lambda frame: frame["hall"]["phase"] == "finished")
    assert screen_end["hall"]["top"][0]["nickname"] == "观众甲"
    for seat in (host, screen, phone, game_console):
        await seat.disconnect()


async def test_only_the_contest_hosts_run_the_hall():
    contest, _host_user = await contest_and_host()
    seat = await connect(f"/ws/hall/{contest.pk}/host/", bare)
    assert (await receive(seat))["code"] == "no_seat"
    screen, _ = await hall_seat(contest, "screen")
    assert await refusal(screen, "host.create") == "forbidden"
    for socket in (seat, screen):
        await socket.disconnect()
