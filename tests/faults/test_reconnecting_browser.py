"""The phone page in chromium while Redis is gone: it says "reconnecting", then carries on by itself."""
import json
import time

import pytest
from playwright.sync_api import expect
from websockets.sync.client import connect

from contests.games.models import PlayerAnswer

from .conftest import address

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def host_socket(server, pin, cookie, attempts=40):
    """A host socket, retried while the server cannot seat it (Redis still away)."""
    for _ in range(attempts):
        try:
            socket = connect(f"ws://{server}/ws/games/{pin}/host/", origin=f"http://{server}",
                             additional_headers={"Cookie": cookie}, open_timeout=10, legacy=True)
            if json.loads(socket.recv(timeout=10))["type"] == "snapshot":
                return socket
        except Exception as error:  # refused handshake, closed socket, timeout
            last = error
        time.sleep(0.25)
    raise AssertionError(f"no host socket: {last!r}")


def host_command(server, pin, cookie, command):
    with host_socket(server, pin, cookie) as socket:
        socket.send(json.dumps({"type": command}))
        reply = json.loads(socket.recv(timeout=10))
        assert reply["type"] != "error", reply


def test_the_phone_page_shows_reconnecting_while_redis_is_gone_and_recovers(
    private_redis, daphnes, game, host_cookie, phone, output_dir
):
    server = address(daphnes.start(static=True))
    phone.goto(f"http://{server}/live/games/{game.pin}/")
    phone.fill("#nickname", "小李")
    phone.click("#join-form button[type=submit]")
    expect(phone.locator("[data-view=lobby]")).to_be_visible(timeout=10_000)
    host_command(server, game.pin, host_cookie, "host.next")
    expect(phone.locator(".game-answer").first).to_be_enabled(timeout=10_000)
    status = phone.locator("[data-live-status]")
    expect(status).to_be_hidden()

    private_redis.kill()
    expect(status).to_have_attribute("data-state", "reconnecting", timeout=10_000)
    expect(status).to_be_visible()
    expect(status).to_have_text(status.get_attribute("data-label-reconnecting"))
    assert status.text_content().strip() == "连接中断，正在重新连接…"
    expect(phone.locator("[data-view=question]")).to_be_visible()  # the question stays on the page
    phone.screenshot(path=output_dir / "phone-redis-gone.png")
    time.sleep(1)  # still down a moment longer: the retries fail
    expect(status).to_have_attribute("data-state", "reconnecting")

    private_redis.start()
    receipt = phone.locator("[data-receipt]")
    # Just after Redis returns, channels_redis may fail one subscription; that socket is closed with
    # 4503 and the page reconnects once more, and a tap made in that moment is refused with "not
    # connected". The person taps again: so does the test, a bounded number of times.
    for _ in range(3):
        expect(status).to_have_attribute("data-state", "open", timeout=15_000)
        expect(status).to_be_hidden()
        phone.locator(".game-answer[data-label='B']").click()
        try:
            expect(receipt).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            continue
    expect(receipt).to_be_visible()
    host_command(server, game.pin, host_cookie, "host.reveal")
    expect(phone.locator("[data-view=revealed]")).to_be_visible(timeout=10_000)
    phone.screenshot(path=output_dir / "phone-after-redis-returned.png")
    assert PlayerAnswer.objects.get(game=game, player__nickname="小李").choice == "B"
