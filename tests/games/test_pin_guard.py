"""PIN guessing is limited per client address, on pages and sockets alike, in the shared cache;
a browser that has shown it knows a PIN (the QR key, an earlier lookup) keeps its game."""
from unittest import mock
from urllib.parse import parse_qsl, urlsplit

import pytest
import segno
from django.test import Client, override_settings
from django.urls import reverse

from contests.games import pin_guard
from contests.games.pin_guard import PIN_GUARD
from contests.live.consumer import CLOSE_REFUSED

from .conftest import connect, receive

MAX_FAILURES = PIN_GUARD.max_failures


def unknown_pin(game):
    return "000000" if game.pin != "000000" else "111111"


@pytest.mark.django_db
def test_wrong_pins_on_pages_block_the_address_then_even_the_right_pin(game):
    guesser, neighbour = Client(REMOTE_ADDR="203.0.113.9"), Client(REMOTE_ADDR="198.51.100.4")
    wrong = unknown_pin(game)
    for attempt in range(MAX_FAILURES):
        if attempt % 2:
            assert guesser.get(reverse("games:play", args=[wrong])).status_code == 404
        else:
            assert "没有这个 PIN 码" in guesser.get(reverse("games:join"), {"pin": wrong}).content.decode()
    for url, query in ((reverse("games:join"), {"pin": game.pin}), (reverse("games:play", args=[game.pin]), {}),
                       (reverse("games:screen", args=[game.pin]), {})):
        refused = guesser.get(url, query)
        assert refused.status_code == 429
        assert "输入错误的游戏 PIN 码次数过多" in refused.content.decode()
        assert "<script>" not in refused.content.decode()
    assert neighbour.get(reverse("games:join"), {"pin": game.pin}).url == reverse("games:play", args=[game.pin])
    assert neighbour.get(reverse("games:play", args=[game.pin])).status_code == 200


@pytest.mark.django_db
def test_malformed_pins_and_valid_pins_do_not_count(game):
    client = Client(REMOTE_ADDR="203.0.113.10")
    for _attempt in range(MAX_FAILURES * 2):
        assert "六位数字" in client.get(reverse("games:join"), {"pin": "12a"}).content.decode()
        assert client.get(reverse("games:play", args=[game.pin])).status_code == 200
    assert client.get(reverse("games:join"), {"pin": game.pin}).status_code == 302


@pytest.mark.django_db
@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_the_address_is_the_one_the_proxy_appended(game):
    """Every request comes from the proxy's address; a forged X-Forwarded-For entry is ignored."""
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    for attempt in range(MAX_FAILURES):
        forged = f"192.0.2.{attempt}, 203.0.113.20"  # the client wrote the first entry, nginx the last
        assert proxy.get(reverse("games:play", args=[unknown_pin(game)]), HTTP_X_FORWARDED_FOR=forged).status_code == 404
    again = proxy.get(reverse("games:play", args=[game.pin]), HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.20")
    assert again.status_code == 429
    other = proxy.get(reverse("games:play", args=[game.pin]), HTTP_X_FORWARDED_FOR="203.0.113.21")
    assert other.status_code == 200


async def refused_code(path, address):
    communicator = await connect(path, address=address)
    code = (await receive(communicator))["code"]
    assert (await communicator.receive_output(timeout=5))["code"] == CLOSE_REFUSED
    return code


@pytest.mark.django_db(transaction=True)
async def test_wrong_pins_on_sockets_block_the_address_and_another_still_joins(game):
    guesser = "203.0.113.30"
    for attempt in range(MAX_FAILURES):
        role = "play" if attempt % 2 else "screen"
        assert await refused_code(f"/ws/games/{unknown_pin(game)}/{role}/", guesser) == "unknown_game"
    for role in ("play", "screen"):
        assert await refused_code(f"/ws/games/{game.pin}/{role}/", guesser) == "too_many_attempts"
    phone = await connect(f"/ws/games/{game.pin}/play/", address="198.51.100.30")
    assert (await receive(phone))["role"] == "visitor"
    await phone.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_failures_on_pages_and_sockets_share_one_counter(game):
    from asgiref.sync import sync_to_async

    guesser = "203.0.113.40"
    client = Client(REMOTE_ADDR=guesser)
    for _attempt in range(MAX_FAILURES - 1):
        assert (await sync_to_async(client.get)(reverse("games:play", args=[unknown_pin(game)]))).status_code == 404
    assert await refused_code(f"/ws/games/{unknown_pin(game)}/play/", guesser) == "unknown_game"
    assert await refused_code(f"/ws/games/{game.pin}/play/", guesser) == "too_many_attempts"
    assert (await sync_to_async(client.get)(reverse("games:play", args=[game.pin]))).status_code == 429


def block(address, game):
    guesser = Client(REMOTE_ADDR=address)
    for _attempt in range(MAX_FAILURES):
        assert guesser.get(reverse("games:play", args=[unknown_pin(game)])).status_code == 404
    assert guesser.get(reverse("games:play", args=[game.pin])).status_code == 429


def qr_link(game):
    """The link the game's QR code encodes, as a phone scanning it gets it: (path, query)."""
    encoded = []
    real_make = segno.make

    def make(content, **options):
        encoded.append(content)
        return real_make(content, **options)

    with mock.patch("contests.games.views.segno.make", make):
        assert Client(REMOTE_ADDR="198.51.100.50").get(reverse("games:qr", args=[game.pin])).status_code == 200
    link = urlsplit(encoded[0])
    return link.path, dict(parse_qsl(link.query))


@pytest.mark.django_db
def test_scanning_the_qr_code_from_a_blocked_shared_address_still_joins(game):
    """A crowd behind one carrier address: others' typos must not lock out phones that scan."""
    crowd = "203.0.113.50"
    block(crowd, game)
    scanner = Client(REMOTE_ADDR=crowd)
    path, query = qr_link(game)
    assert path == reverse("games:play", args=[game.pin])
    page = scanner.get(path, query)
    assert page.status_code == 200
    assert pin_guard.PASS_COOKIE in page.cookies
    assert scanner.get(path).status_code == 200  # a reload without the key: the pass is enough
    assert scanner.get(reverse("games:play", args=[unknown_pin(game)])).status_code == 429  # no other PIN
    assert Client(REMOTE_ADDR=crowd).get(path, {pin_guard.QR_KEY_PARAMETER: "0" * 16}).status_code == 429


@pytest.mark.django_db
def test_the_key_differs_per_pin_and_the_screen_shows_the_short_link(game):
    client = Client(REMOTE_ADDR="198.51.100.51")
    assert pin_guard.qr_key(game.pin) != pin_guard.qr_key(unknown_pin(game))
    screen = client.get(reverse("games:screen", args=[game.pin])).content.decode()
    assert pin_guard.qr_key(game.pin) not in screen
    # The address to type is the PIN entry page; the PIN is shown beside it.
    assert f'<p class="screen-url">http://testserver{reverse("games:join")}</p>' in screen


@pytest.mark.django_db
def test_a_phone_that_joined_before_the_block_keeps_its_game(game):
    crowd = "203.0.113.51"
    phone = Client(REMOTE_ADDR=crowd)
    assert phone.get(reverse("games:join"), {"pin": game.pin}).status_code == 302
    block(crowd, game)
    assert phone.get(reverse("games:play", args=[game.pin])).status_code == 200
    forged = Client(REMOTE_ADDR=crowd)
    forged.cookies[pin_guard.PASS_COOKIE] = game.pin  # unsigned
    assert forged.get(reverse("games:play", args=[game.pin])).status_code == 429


@pytest.mark.django_db(transaction=True)
async def test_a_socket_with_the_pass_is_not_refused_from_a_blocked_address(game):
    from asgiref.sync import sync_to_async

    crowd = "203.0.113.52"
    phone = Client(REMOTE_ADDR=crowd)
    await sync_to_async(phone.get)(reverse("games:play", args=[game.pin]))
    await sync_to_async(block)(crowd, game)
    assert await refused_code(f"/ws/games/{game.pin}/play/", crowd) == "too_many_attempts"
    cookie = phone.cookies[pin_guard.PASS_COOKIE].value
    communicator = await connect(f"/ws/games/{game.pin}/play/", address=crowd,
                                 headers=[(b"cookie", f"{pin_guard.PASS_COOKIE}={cookie}".encode())])
    assert (await receive(communicator))["role"] == "visitor"
    await communicator.disconnect()
    other_game = unknown_pin(game)
    assert await refused_code(f"/ws/games/{other_game}/play/", crowd) == "too_many_attempts"


@pytest.mark.django_db
def test_sockets_connecting_together_each_get_a_game_of_their_own(game):
    first, second, unknown = pin_guard.find_games(
        [(game.pin, "203.0.113.9", False), (game.pin, "198.51.100.4", True), (unknown_pin(game), "203.0.113.9", False)]
    )
    assert unknown is None
    assert first is not second and first._state is not second._state
    assert first._state.fields_cache is not second._state.fields_cache
    assert (first.pk, first.title, first.version) == (second.pk, second.title, second.version) == (game.pk, game.title, game.version)
    first.title = "改了"
    assert second.title == game.title
    assert second.bank == game.bank and "bank" not in first._state.fields_cache  # a relation cached on one only
    assert not first._state.adding and first._state.db == second._state.db == "default"
