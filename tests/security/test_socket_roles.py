"""Sockets that try what their seat does not allow: another contest's host and judge, anonymous
sockets, logged-in users outside the staff groups, staff without TOTP where the pages require it,
a team code of another contest, a team pad naming another team, every contest command from every
seat whose role does not list it, and every host command of a public game sent from a phone, a
visitor and the big screen. Each is refused and changes nothing."""
import json

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser, Group

from core.accounts.roles import HOSTS, JUDGES
from contests.live.consumer import CLOSE_REFUSED
from contests.interunit.models import Answer, Buzz, Contest, JudgeScore, ScoreEvent, Team
from tests.interunit.conftest import make_contest
from tests.interunit.test_consumers import connect, router, seats, step

pytestmark = pytest.mark.django_db(transaction=True)


@database_sync_to_async
def other_contest():
    """A second contest with its own host, judge and team."""
    from core.accounts.models import User

    contest = Contest.objects.create(title="另一场联赛")
    host = User.objects.create_user("host2", password="x")
    host.groups.add(Group.objects.get(name=HOSTS))
    judge = User.objects.create_user("judge2", password="x")
    judge.groups.add(Group.objects.get_or_create(name=JUDGES)[0])
    contest.hosts.add(host)
    contest.judges.add(judge)
    team = Team.objects.create(contest=contest, name="外队", colour="#000000")
    return contest, host, judge, team


@database_sync_to_async
def recorded(contest):
    contest.refresh_from_db()
    return (contest.state, ScoreEvent.objects.count(), Answer.objects.count(), Buzz.objects.count(),
            JudgeScore.objects.count())


async def refused(path, user=None):
    communicator = WebsocketCommunicator(router, path)
    communicator.scope["user"] = user or AnonymousUser()
    assert (await communicator.connect(timeout=5))[0]
    frame = json.loads(await communicator.receive_from(timeout=5))
    closed = await communicator.receive_output(timeout=5)
    return frame["code"], closed["code"]


async def test_other_contests_staff_anonymous_sockets_and_foreign_team_codes_get_no_seat():
    contest = await database_sync_to_async(make_contest)(judged=True)
    other, other_host, other_judge, other_team = await other_contest()
    before = await recorded(contest)
    from core.accounts.models import User

    own_host = await database_sync_to_async(User.objects.get)(username="host")
    outsider = await database_sync_to_async(User.objects.create_user)("visitor", password="x")  # in no group
    attempts = [
        (f"/ws/contest/{contest.pk}/host/", outsider),
        (f"/ws/contest/{contest.pk}/judge/", outsider),
        (f"/ws/contest/{contest.pk}/host/", other_host),
        (f"/ws/contest/{contest.pk}/judge/", other_judge),
        (f"/ws/contest/{contest.pk}/host/", None),
        (f"/ws/contest/{contest.pk}/judge/", None),
        (f"/ws/contest/{contest.pk}/judge/", own_host),  # a host is not a judge
        (f"/ws/contest/{contest.pk}/team/?code={other_team.access_code}", None),
        (f"/ws/contest/{contest.pk}/team/", None),
        (f"/ws/contest/{contest.pk}/admin/", own_host),
    ]
    for path, user in attempts:
        assert await refused(path, user) == ("no_seat", CLOSE_REFUSED), (path, user)
        assert await recorded(contest) == before, (path, user)


ROLE_COMMANDS = {
    "host": ["host.start", "host.open", "host.lock", "host.mark", "host.undo", "host.reveal", "host.scoreboard",
             "host.next", "host.pause", "host.resume", "host.end", "host.adjust", "host.reset"],
    "judge": ["judge.mark", "judge.adjust", "judge.score"],
    "team": ["team.buzz", "team.risk", "team.answer"],
}


async def test_the_role_table_every_seat_sending_another_roles_commands_is_refused_and_changes_nothing():
    """Host, judge, screen and team sockets of one running judged contest each send every command
    of the other roles, with plausible fields; each refusal leaves state, events, answers, buzzes
    and judges' sheets as they were."""
    contest = await database_sync_to_async(make_contest)(judged=True)
    host, screen, pads, teams = await seats(contest)
    from core.accounts.models import User

    judge_user = await database_sync_to_async(User.objects.get)(username="judge")
    judge, first = await connect(f"/ws/contest/{contest.pk}/judge/", judge_user)
    assert first["role"] == "judge"
    await step(host, [screen, *pads], "host.start")  # the judged round: judges may score now
    fields = {"choice": "B", "verdict": "correct", "value": 10, "team": teams[0].pk, "delta": 50, "reason": "x",
              "sheet": {"内容": 50}}
    before = await recorded(contest)
    for role, client in (("host", host), ("judge", judge), ("screen", screen), ("team", pads[0])):
        for owner, commands in ROLE_COMMANDS.items():
            if owner == role:
                continue
            for command in commands:
                error = await client.error(command, ref=f"{role}:{command}", **fields)
                assert (error["code"], error["ref"]) == ("forbidden", f"{role}:{command}"), (role, command, error)
                assert await recorded(contest) == before, (role, command)


async def test_staff_without_totp_get_no_staff_seat_where_the_pages_require_it(settings):
    """With Hosts and Judges in MFA_REQUIRED_GROUPS, the contest's own host and judge without TOTP
    are refused (`mfa_required`, 4403) and change nothing; with TOTP they are seated."""
    from allauth.mfa.models import Authenticator

    from core.accounts.models import User

    settings.MFA_REQUIRED_GROUPS = [HOSTS, JUDGES]
    contest = await database_sync_to_async(make_contest)(judged=True)
    before = await recorded(contest)
    for role, name in (("host", "host"), ("judge", "judge")):
        user = await database_sync_to_async(User.objects.get)(username=name)
        assert await refused(f"/ws/contest/{contest.pk}/{role}/", user) == ("mfa_required", CLOSE_REFUSED), role
        assert await recorded(contest) == before
        await database_sync_to_async(Authenticator.objects.create)(user=user, type=Authenticator.Type.TOTP,
                                                                   data={"secret": "x"})
        client, first = await connect(f"/ws/contest/{contest.pk}/{role}/", user)
        assert first["type"] == "snapshot" and first["role"] == role
        await client.communicator.disconnect()


async def test_a_team_pad_naming_another_team_acts_only_for_itself():
    contest = await database_sync_to_async(make_contest)(answer_seconds=60)
    _, _, _, other_team = await other_contest()
    host, screen, pads, teams = await seats(contest)
    await step(host, [screen, *pads], "host.start")
    await step(host, [screen, *pads], "host.open")  # the compulsory question of the first team
    error = await pads[1].error("team.answer", choice="B", team=teams[0].pk)
    assert error["code"] != "internal_error"
    assert await database_sync_to_async(Answer.objects.count)() == 0
    await pads[0].send("team.answer", choice="B", team=teams[1].pk)
    await host.state()
    answers = await database_sync_to_async(lambda: list(Answer.objects.values_list("team_id", flat=True)))()
    events = await database_sync_to_async(lambda: set(ScoreEvent.objects.values_list("team_id", flat=True)))()
    assert answers == [teams[0].pk] and events <= {teams[0].pk}
    before = await recorded(contest)
    for ref, (team_id, code) in enumerate(((other_team.pk, "bad_value"), (10**9, "bad_value"), (10**30, "bad_value"),
                                           ("1", "bad_message"), (None, "bad_message"), (True, "bad_message"),
                                           (1.0, "bad_message"))):
        error = await host.error("host.adjust", team=team_id, delta=50, reason="伪造的队伍", ref=ref)
        assert (error["code"], error["ref"]) == (code, ref), error
    assert await recorded(contest) == before


@database_sync_to_async
def game_record(game):
    from contests.games.models import LuckyDraw, Player, PlayerAnswer, Prize

    game.refresh_from_db()
    players = list(Player.objects.order_by("pk").values_list("pk", "score", "kicked"))
    return (game.phase, game.version, game.current_index, players, PlayerAnswer.objects.count(), LuckyDraw.objects.count(),
            Prize.objects.count())


async def test_every_host_command_of_a_public_game_from_a_phone_a_visitor_or_the_screen_is_refused():
    from contests.games.models import PublicGame
    from tests.games.conftest import connect as game_socket
    from tests.games.conftest import make_bank, receive, send

    @database_sync_to_async
    def make_game():
        game = PublicGame.objects.create(title="游戏", bank=make_bank(), reading_seconds=0, answer_seconds=30)
        game.fill_from_bank(3)
        return game

    game = await make_game()
    player = await game_socket(f"/ws/games/{game.pin}/play/")
    await receive(player)
    await send(player, "player.join", nickname="小明")
    while (await receive(player))["type"] != "snapshot":
        pass
    visitor = await game_socket(f"/ws/games/{game.pin}/play/")
    screen = await game_socket(f"/ws/games/{game.pin}/screen/")
    await receive(visitor), await receive(screen)
    before = await game_record(game)
    player_id = before[3][0][0]
    commands = [("host.next", {}), ("host.reveal", {}), ("host.leaderboard", {}), ("host.finish", {}),
                ("host.kick", {"player": player_id}), ("host.draw", {"count": 1, "min_correct": 0}),
                ("host.redeem", {"code": "ABCDEFGH"})]
    for socket in (player, visitor, screen):
        for command, fields in commands:
            await send(socket, command, **fields, ref=command)
            frame = await receive(socket)
            assert (frame["type"], frame["code"], frame["ref"]) == ("error", "forbidden", command), (command, frame)
    assert await game_record(game) == before
    for socket in (player, visitor, screen):
        await socket.disconnect()


@pytest.mark.django_db(transaction=False)
def test_sites_on_different_redis_databases_do_not_share_socket_groups():
    """Redis pub/sub ignores the database number: the channel layer's prefix must not."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    script = "import django; django.setup(); from django.conf import settings; " \
             "print(settings.CHANNEL_LAYERS['default']['CONFIG']['prefix'])"
    prefixes = []
    for url in ("redis://127.0.0.1:6379/5", "redis://127.0.0.1:6379/6", "redis://127.0.0.1:6379"):
        environment = {**os.environ, "REDIS_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings",
                       "PYTHONPATH": f"{root / 'site'}:{root}"}
        result = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True,
                                timeout=60, cwd=root)
        assert result.returncode == 0, result.stderr
        prefixes.append(result.stdout.strip())
    assert len(set(prefixes)) == 3, prefixes
