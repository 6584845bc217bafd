"""A Host sees and edits only the contests he hosts (real admin GETs and POSTs); only an
administrator assigns hosts and judges, and not once the contest has started."""
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.accounts.models import User
from core.accounts.roles import HOSTS
from contests.interunit.models import Contest
from contests.interunit.runner import run
from contests.rules.phases import Role

from .test_admin_lock import STARTED, edit_url, form_data

pytestmark = pytest.mark.django_db
LIST = reverse("wagtailsnippets_contests_contest:list")


def url(view, contest):
    return reverse(f"wagtailsnippets_contests_contest:{view}", args=[contest.pk])


@pytest.fixture
def other_host(contest):
    """A Host of another contest, who is not assigned to `contest`."""
    user = User.objects.create_user("host2", password="x")
    user.groups.add(Group.objects.get(name=HOSTS))
    Contest.objects.create(title="另一场联赛").hosts.add(user)
    return user


def staff(contest):
    return sorted(contest.hosts.values_list("username", flat=True)), sorted(contest.judges.values_list("username", flat=True))


def test_a_host_neither_sees_nor_opens_a_contest_he_does_not_host(client, contest, other_host):
    client.force_login(other_host)
    body = client.get(LIST).content.decode()
    assert "另一场联赛" in body and contest.title not in body
    for view in ("edit", "delete", "history", "usage"):
        assert client.get(url(view, contest)).status_code == 404, view
    before = staff(contest)
    response = client.post(edit_url(contest), {"title": "夺走", "hosts": [other_host.pk]})
    assert response.status_code == 404
    assert client.post(url("delete", contest)).status_code == 404
    contest.refresh_from_db()
    assert contest.title == "测试联赛" and staff(contest) == before
    for name in ("contests:host", "contests:export"):  # the live console and the audit export
        assert client.get(reverse(name, args=[contest.pk])).status_code == 403, name


def test_a_host_edits_his_contest_but_not_who_hosts_or_judges_it(client, contest, other_host):
    client.force_login(User.objects.get(username="host"))
    assert contest.title in client.get(LIST).content.decode()
    data = form_data(client, edit_url(contest))
    assert "hosts" not in data and "judges" not in data
    data.update(title="测试联赛（改）", hosts=[other_host.pk], judges=[other_host.pk])
    assert client.post(edit_url(contest), data).status_code == 302
    contest.refresh_from_db()
    assert contest.title == "测试联赛（改）" and staff(contest) == (["host"], [])


def test_only_an_administrator_assigns_staff_and_only_before_the_start(client, contest, other_host):
    client.force_login(User.objects.create_superuser("admin", password="x"))
    data = form_data(client, edit_url(contest))
    data["hosts"] = [str(pk) for pk in contest.hosts.values_list("pk", flat=True)] + [str(other_host.pk)]
    assert client.post(edit_url(contest), data).status_code == 302
    assert staff(contest) == (["host", "host2"], [])
    run(contest.pk, Role.HOST, None, "host", "start", {})
    data = form_data(client, edit_url(contest))
    data["hosts"] = [str(other_host.pk)]
    response = client.post(edit_url(contest), data)
    assert response.status_code == 200 and STARTED in response.content.decode()
    assert staff(contest) == (["host", "host2"], [])


def test_a_host_who_creates_a_contest_hosts_it(client, contest, other_host):
    client.force_login(other_host)
    add = reverse("wagtailsnippets_contests_contest:add")
    data = form_data(client, add)
    data["title"] = "新建联赛"
    assert client.post(add, data).status_code == 302
    created = Contest.objects.get(title="新建联赛")
    assert staff(created) == (["host2"], [])
    assert "新建联赛" in client.get(LIST).content.decode()
