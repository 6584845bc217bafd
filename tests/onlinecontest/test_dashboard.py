import io
import json

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from core.accounts.roles import EDITORS
from onlinecontest.records import DrawLog, Participant
from tests.onlinecontest.helpers import join, play, signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def played(contest, sms_outbox):
    player = signed_in_client("13800138000")
    join(player, contest, name="=HYPERLINK(\"http://evil\")")
    attempt = play(player, contest, right=4)
    player.post(contest.url + f"attempt/{attempt.token}/draw/")
    play(player, contest, right=2)
    return contest


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


def test_dashboard_shows_charts_data_and_latest_attempts(played, editor_client):
    response = editor_client.get(f"/admin/onlinecontest/{played.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    charts = json.loads(body.split('id="contest-charts" type="application/json">')[1].split("</script>")[0])
    assert sum(charts["dayAttempts"]) == 2 and sum(charts["dayPeople"]) == 1
    assert charts["towns"] == ["塘下镇"] and charts["scores"] == ["40"]
    assert sum(charts["missedTimes"]) == 1 + 3  # one wrong, then three wrong
    assert "echarts-6.1.0.min.js" in body and "dashboard.js" in body
    assert editor_client.get("/admin/onlinecontest/").status_code == 302


def test_exports_are_formula_safe(played, editor_client):
    response = editor_client.get(f"/admin/onlinecontest/{played.pk}/participants.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    name_cell = sheet.cell(row=2, column=1)
    assert name_cell.value.startswith("=HYPERLINK") and name_cell.data_type == "s" and name_cell.quotePrefix
    assert sheet.cell(row=2, column=2).value == "+8613800138000"
    attempts = load_workbook(io.BytesIO(editor_client.get(f"/admin/onlinecontest/{played.pk}/attempts.xlsx").content)).active
    assert attempts.max_row == 3


def test_staff_redeem_a_prize_code_once(played, editor_client):
    draw = DrawLog.objects.get()
    url = f"/admin/onlinecontest/{played.pk}/"
    editor_client.post(url, {"code": draw.code.lower()})
    draw.refresh_from_db()
    assert draw.redeemed_at is not None
    first = draw.redeemed_at
    response = editor_client.post(url, {"code": draw.code}, follow=True)
    draw.refresh_from_db()
    assert draw.redeemed_at == first
    assert draw.code in response.content.decode()
    editor_client.post(url, {"code": "NOPE"})


def test_participants_and_anonymous_visitors_see_no_dashboard(played, client):
    assert client.get(f"/admin/onlinecontest/{played.pk}/").status_code == 302
    user = Participant.objects.get().user
    client.force_login(user)
    assert client.get(f"/admin/onlinecontest/{played.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/onlinecontest/{played.pk}/participants.xlsx").status_code in (302, 403)
