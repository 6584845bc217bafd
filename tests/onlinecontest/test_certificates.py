import io

import pytest
from PIL import Image

from onlinecontest.records import Certificate
from tests.onlinecontest.helpers import join, play, signed_in_client

pytestmark = pytest.mark.django_db


def test_a_pass_gives_a_certificate_with_a_qr_to_the_public_check(contest, sms_outbox, client, output_dir):
    player = signed_in_client("13800138000")
    join(player, contest)
    play(player, contest, right=3)  # 60 %: below the 80 % pass mark
    assert not Certificate.objects.exists()
    assert player.get(contest.url + "certificate/").status_code == 404
    play(player, contest, right=4)  # 80 %
    certificate = Certificate.objects.get()
    assert certificate.score == 40
    response = player.get(contest.url + "certificate/")
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (1600, 1130)
    (output_dir / "certificate.png").write_bytes(response.content)
    # the QR code in the corner is dark and light modules, not blank
    corner = image.crop((1600 - 360, 760, 1600 - 120, 1000)).convert("L")
    assert min(corner.getdata()) < 50 and max(corner.getdata()) > 200

    check = client.get(contest.url + f"verify/{certificate.serial}/")
    body = check.content.decode()
    assert check.status_code == 200 and certificate.serial in body and "塘下镇中心小学" in body
    assert "李**" in body and "李安全" not in body
    fake = client.get(contest.url + "verify/20260101-FAKE0000/")
    assert fake.status_code == 404


def test_a_better_pass_raises_the_certificate_and_practice_never_issues(contest, sms_outbox):
    player = signed_in_client("13800138000")
    join(player, contest)
    play(player, contest, right=5, mode="practice")
    assert not Certificate.objects.exists()
    play(player, contest, right=4)
    play(player, contest, right=5)
    assert Certificate.objects.get().score == 50


def test_another_person_cannot_fetch_my_certificate(contest, sms_outbox, client):
    player = signed_in_client("13800138000")
    join(player, contest)
    play(player, contest, right=5)
    assert client.get(contest.url + "certificate/").status_code == 404
