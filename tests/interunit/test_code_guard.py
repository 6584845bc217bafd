"""Team access codes: guessing is limited per client address on the team pages and the team socket
together (the game PIN's guard); a pad that opened its page keeps its code from a blocked address."""
import json

import pytest
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from contests.interunit.code_guard import CODE_GUARD
from contests.live.consumer import CLOSE_REFUSED

from .test_consumers import router

UNKNOWN = "ZZZZZZ"  # well-formed, and no team has it (codes are drawn at random from 32 characters)
TOO_MANY = "从这个网络输入的错误队伍码过多"


async def team_socket(contest, code, address, cookies=None):
    communicator = WebsocketCommunicator(router, f"/ws/contest/{contest.pk}/team/?code={code}")
    communicator.scope.update(user=AnonymousUser(), client=(address, 50000), cookies=cookies or {})
    assert (await communicator.connect(timeout=5))[0]
    frame = json.loads(await communicator.receive_from(timeout=5))
    if frame["type"] == "error":
        assert (await communicator.receive_output(timeout=5))["code"] == CLOSE_REFUSED
        return frame["code"]
    await communicator.disconnect()
    return frame["role"]


@pytest.mark.django_db
def test_wrong_codes_on_the_pages_block_the_address_then_even_the_right_code(contest):
    code = contest.teams.first().access_code
    assert code != UNKNOWN
    guesser, neighbour = Client(REMOTE_ADDR="203.0.113.60"), Client(REMOTE_ADDR="198.51.100.60")
    assert guesser.get(reverse("contests:team_join"), {"code": "ABC-12"}).status_code == 200  # malformed: not counted
    for attempt in range(CODE_GUARD.max_failures):
        if attempt % 2:
            assert guesser.get(reverse("contests:team_pad", args=[UNKNOWN])).status_code == 404
        else:
            assert guesser.get(reverse("contests:team_join"), {"code": UNKNOWN}).status_code == 200
    for response in (guesser.get(reverse("contests:team_join"), {"code": code}),
                     guesser.get(reverse("contests:team_pad", args=[code]))):
        assert response.status_code == 429 and TOO_MANY in response.content.decode()
    assert neighbour.get(reverse("contests:team_join"), {"code": code.lower()}).status_code == 302
    assert neighbour.get(reverse("contests:team_pad", args=[code])).status_code == 200


@pytest.mark.django_db(transaction=True)
async def test_wrong_codes_on_sockets_and_pages_share_one_counter_and_another_address_still_plays(contest):
    from asgiref.sync import sync_to_async

    team = await sync_to_async(contest.teams.first)()
    guesser = "203.0.113.61"
    client = Client(REMOTE_ADDR=guesser)
    for _attempt in range(CODE_GUARD.max_failures - 1):
        assert await team_socket(contest, UNKNOWN, guesser) == "no_seat"
    assert (await sync_to_async(client.get)(reverse("contests:team_pad", args=[UNKNOWN]))).status_code == 404
    assert await team_socket(contest, team.access_code, guesser) == "too_many_attempts"
    assert await team_socket(contest, team.access_code, "198.51.100.61") == "team"


@pytest.mark.django_db(transaction=True)
async def test_a_pad_that_opened_its_page_keeps_its_code_from_a_blocked_address(contest):
    from asgiref.sync import sync_to_async

    team = await sync_to_async(contest.teams.first)()
    venue = "100.64.0.60"  # the venue's Wi-Fi: the pads and a guesser share it
    pad = Client(REMOTE_ADDR=venue)
    assert (await sync_to_async(pad.get)(reverse("contests:team_pad", args=[team.access_code]))).status_code == 200
    held = {CODE_GUARD.pass_cookie: pad.cookies[CODE_GUARD.pass_cookie].value}
    for _attempt in range(CODE_GUARD.max_failures):
        assert await team_socket(contest, UNKNOWN, venue) == "no_seat"
    assert await team_socket(contest, team.access_code, venue) == "too_many_attempts"
    assert await team_socket(contest, team.access_code, venue, cookies=held) == "team"
    assert (await sync_to_async(pad.get)(reverse("contests:team_pad", args=[team.access_code]))).status_code == 200
    forged = {CODE_GUARD.pass_cookie: team.access_code}
    assert await team_socket(contest, team.access_code, venue, cookies=forged) == "too_many_attempts"
