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
    assert client.get(contest.url + "certificate/pdf/").status_code == 404


def test_the_certificate_as_pdf_carries_the_chinese_text_and_the_qr_code(contest, sms_outbox, output_dir):
    from pypdf import PdfReader

    player = signed_in_client("13800138000")
    join(player, contest)
    play(player, contest, right=5)
    certificate = Certificate.objects.get()
    response = player.get(contest.url + "certificate/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="certificate-{certificate.serial}.pdf"'
    (output_dir / "certificate.pdf").write_bytes(response.content)
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)  # A4 landscape
    # pypdf reads fpdf2's two-byte codes with a NUL before each character (see the bulletin's test):
    # NULs and spaces are dropped before comparing.
    text = "".join(page.extract_text().replace("\x00", "").split())
    for words in ("电子证书", "知识竞赛", "李安全", "塘下镇·塘下镇中心小学", "成绩：50/50分", certificate.serial, "扫码查验"):
        assert words in text, (words, text)
    images = page.images
    assert len(images) == 1
    qr = images[0].image.convert("L")
    assert qr.getextrema() == (0, 255)  # dark and light modules, not blank
