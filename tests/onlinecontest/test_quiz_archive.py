"""The retired cookie quiz's attempts, archived by migration 0004: staff with `view` look, filter and
download them (formula-safe); nobody edits them; judges do not see them."""
import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from openpyxl import load_workbook

from core.accounts.roles import EDITORS, JUDGES
from onlinecontest.records import ArchivedQuizAttempt

pytestmark = pytest.mark.django_db

LIST = "/admin/online_quiz_results/"


@pytest.fixture
def archived(contest):
    now = timezone.now()
    common = {"page": contest, "started_at": now, "submitted_at": now, "max_score": 60}
    ArchivedQuizAttempt.objects.create(name="=HYPERLINK(1)", unit="@evil", score=50, status="scored",
                                       duration_ms=30_000, **common)
    ArchivedQuizAttempt.objects.create(name="王五", unit="塘下镇", status="late", **common)


def staff(client, django_user_model, group):
    user = django_user_model.objects.create_user(username=group[:2], password="x")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)


def test_editors_see_filter_and_download_the_archive(client, django_user_model, archived):
    staff(client, django_user_model, EDITORS)
    body = client.get(LIST).content.decode()
    assert "网上答题历史记录" in body and "姓名" in body and "王五" in body and "超时未计分" in body
    assert "王五" not in client.get(LIST, {"status": "scored"}).content.decode()

    sheet = load_workbook(io.BytesIO(client.get(LIST, {"export": "xlsx"}).getvalue())).active
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["=HYPERLINK(1)"][3] == 50 and rows["=HYPERLINK(1)"][6] == 30  # text, not a formula; seconds
    exported = client.get(LIST, {"export": "csv"}).getvalue().decode()
    names = [row[1] for row in csv.reader(io.StringIO(exported))][1:]
    assert sorted(names) == ["'=HYPERLINK(1)", "王五"]
    assert "'@evil" in exported


def test_nobody_edits_the_archive_and_judges_do_not_see_it(client, django_user_model, archived):
    staff(client, django_user_model, EDITORS)
    attempt = ArchivedQuizAttempt.objects.get(name="王五")
    assert client.get(f"{LIST}edit/{attempt.pk}/").status_code in (302, 403)
    assert client.get(f"{LIST}new/").status_code in (302, 403, 404)
    client.logout()
    staff(client, django_user_model, JUDGES)
    assert client.get(LIST).status_code in (302, 403)
