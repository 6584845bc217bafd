"""Public voting: one vote per verified person per entry per day, the per-address cap, the CAPTCHA
after the threshold, anomalies and audited voiding."""
from datetime import timedelta

import pytest
from captcha.models import CaptchaStore
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from core.accounts.roles import REVIEWERS
from works import voting
from works.entries import Entry, Vote
from works.scoring import standings
from works.voting import VoteRefused, cast

pytestmark = pytest.mark.django_db


def test_one_vote_per_person_per_entry_per_day(call, make_entry, voter):
    entry, person = make_entry(), voter()
    cast(call, entry, person, "203.0.113.5")
    with pytest.raises(VoteRefused, match="今天已经投过|already voted"):
        cast(call, entry, person, "203.0.113.99")
    cast(call, make_entry("另一件"), person, "203.0.113.5")  # another work the same day: allowed
    cast(call, entry, person, "203.0.113.5", now=timezone.now() + timedelta(days=1))  # the next day: allowed
    assert Vote.objects.filter(entry=entry, voter=person).count() == 2


def test_unverified_and_anonymous_people_cannot_vote(call, make_entry, voter, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    entry = make_entry()
    with pytest.raises(VoteRefused):
        cast(call, entry, voter("unverified", verified=False), "203.0.113.5")
    with pytest.raises(VoteRefused):
        cast(call, entry, AnonymousUser(), "203.0.113.5")
    assert not Vote.objects.exists()


def test_pending_works_and_closed_voting_refuse_votes(call, make_entry, voter):
    person = voter()
    with pytest.raises(VoteRefused):
        cast(call, make_entry(status=Entry.Status.PENDING), person, "203.0.113.5")
    entry = make_entry("已通过")
    with pytest.raises(VoteRefused):
        cast(call, entry, person, "203.0.113.5", now=call.voting_closes + timedelta(seconds=1))
    assert not Vote.objects.exists()


def test_one_address_may_send_only_so_many_votes_a_day(call, make_entry, voter):
    entry = make_entry()
    for number in range(call.votes_per_address):
        cast(call, entry, voter(f"v{number}"), "198.51.100.7")
    with pytest.raises(VoteRefused, match="网络|network"):
        cast(call, entry, voter("one-too-many"), "198.51.100.7")
    cast(call, entry, voter("elsewhere"), "198.51.100.8")  # another address still votes
    assert Vote.objects.count() == call.votes_per_address + 1


def test_the_address_is_stored_hashed_only(call, make_entry, voter):
    vote = cast(call, make_entry(), voter(), "198.51.100.7")
    assert "198.51.100" not in vote.address_hash + vote.network_hash
    assert vote.address_hash == voting.address_hashes("198.51.100.7")[0]
    assert vote.network_hash == voting.address_hashes("198.51.100.200")[1] != voting.address_hashes("198.51.101.1")[1]


def test_the_page_asks_for_a_captcha_after_the_threshold(call, make_entry, voter):
    entry = make_entry()
    for number in range(call.captcha_after):
        cast(call, entry, voter(f"v{number}"), "127.0.0.1")
    client = Client()
    client.force_login(voter("late"))
    vote_url = entry.url() + "vote/"
    response = client.post(vote_url, follow=True)
    assert response.status_code == 200
    assert not Vote.objects.filter(voter__username="late").exists()
    assert "captcha" in response.context["vote_form"].errors
    challenge = CaptchaStore.objects.order_by("-pk").first()
    wrong = client.post(vote_url, {"captcha_0": challenge.hashkey, "captcha_1": challenge.response + "x"})
    assert "captcha" in wrong.context["vote_form"].errors
    challenge = CaptchaStore.objects.order_by("-pk").first()
    response = client.post(vote_url, {"captcha_0": challenge.hashkey, "captcha_1": challenge.response}, follow=True)
    assert Vote.objects.filter(voter__username="late", entry=entry).exists()
    assert "投票已计入" in response.content.decode()


def test_voting_through_the_page(call, make_entry, voter):
    entry = make_entry()
    client = Client()
    client.force_login(voter())
    client.post(entry.url() + "vote/")
    response = client.post(entry.url() + "vote/", follow=True)
    assert Vote.objects.filter(entry=entry).count() == 1
    assert "今天已经投过" in response.content.decode()


def test_voided_votes_do_not_count_and_the_voiding_is_audited(call, make_entry, voter, staff):
    first, second = make_entry("甲"), make_entry("乙")
    people = [voter(f"v{number}") for number in range(3)]
    for person in people:
        cast(call, first, person, f"203.0.113.{people.index(person) + 1}")
    cast(call, second, people[0], "203.0.113.1")
    assert {row.entry.title: row.votes for row in standings(call)} == {"甲": 3, "乙": 1}

    reviewer = staff("reviewer", REVIEWERS)
    assert voting.void(Vote.objects.filter(entry=first, voter__in=people[1:]), "同一号段集中刷票", reviewer) == 2
    assert {row.entry.title: row.votes for row in standings(call)} == {"甲": 1, "乙": 1}
    logs = ModelLogEntry.objects.filter(action=voting.VOID_ACTION)
    assert logs.count() == 2 and {log.user_id for log in logs} == {reviewer.pk}
    assert {log.data["reason"] for log in logs} == {"同一号段集中刷票"}
    with pytest.raises(VoteRefused):
        voting.void(Vote.objects.filter(entry=second), "  ", reviewer)
    assert not Vote.objects.get(entry=second).voided


def test_anomalies_report_bursts_and_single_entry_voters(call, make_entry, voter, monkeypatch):
    monkeypatch.setattr(voting, "BURST_VOTES_PER_HOUR", 4)
    call.votes_per_address = 100
    call.save()
    target, other = make_entry("刷票对象"), make_entry("其他")
    now = timezone.now().replace(minute=5)
    for number in range(5):  # five votes from one /24 within the hour
        cast(call, target, voter(f"burst{number}"), f"192.0.2.{number + 10}", now=now)
    loyal = voter("loyal")
    for day in range(3):  # one person, three days, always the same work
        cast(call, target, loyal, "198.51.100.1", now=now + timedelta(days=day))
    varied = voter("varied")
    for day, entry in enumerate([target, other, target]):
        cast(call, entry, varied, "198.51.100.2", now=now + timedelta(days=day))

    bursts = voting.bursts(call)
    assert len(bursts) == 1 and bursts[0]["votes"] == 5
    assert bursts[0]["network_hash"] == voting.address_hashes("192.0.2.1")[1]
    single = voting.single_entry_voters(call)
    assert [(row["voter"], row["entry"], row["votes"]) for row in single] == [(loyal.pk, target.pk, 3)]


def test_staff_void_a_burst_from_the_anomaly_report(call, make_entry, voter, staff, monkeypatch):
    monkeypatch.setattr(voting, "BURST_VOTES_PER_HOUR", 2)
    entry = make_entry()
    now = timezone.now().replace(minute=1)
    for number in range(3):
        cast(call, entry, voter(f"b{number}"), f"192.0.2.{number + 1}", now=now)
    reviewer = staff("reviewer", REVIEWERS)
    client = Client()
    client.force_login(reviewer)
    url = reverse("works_anomalies") + f"?call={call.pk}"
    page = client.get(url)
    assert page.status_code == 200 and len(page.context["bursts"]) == 1
    burst = page.context["bursts"][0]
    empty = client.post(url, {"network": burst["network_hash"], "hour": burst["hour"].isoformat(), "reason": ""})
    assert empty.status_code == 200 and not Vote.objects.filter(voided=True).exists()
    client.post(url, {"network": burst["network_hash"], "hour": burst["hour"].isoformat(), "reason": "集中刷票"})
    assert Vote.objects.filter(voided=True, void_reason="集中刷票").count() == 3

    editor = Client()
    editor.force_login(staff("editor", "编辑 Editors"))
    assert editor.get(url).status_code in (302, 403)
    assert Group.objects.get(name=REVIEWERS).permissions.filter(codename="change_vote").exists()


def test_votes_are_listed_in_the_admin_but_never_edited_there(call, make_entry, voter, staff):
    vote = cast(call, make_entry(), voter(), "203.0.113.1")
    client = Client()
    client.force_login(staff("reviewer", REVIEWERS))
    assert client.get("/admin/works/votes/").status_code == 200
    assert client.get(f"/admin/works/votes/inspect/{vote.pk}/").status_code == 200
    assert client.post(f"/admin/works/votes/edit/{vote.pk}/", {"void_reason": "x"}).status_code in (302, 403)
    assert client.post(f"/admin/works/votes/delete/{vote.pk}/").status_code in (302, 403)
    vote.refresh_from_db()
    assert not vote.voided and vote.void_reason == ""


def test_editors_accept_entries_in_the_admin(call, make_entry, staff):
    entry = make_entry("待审作品", status=Entry.Status.PENDING)
    client = Client()
    client.force_login(staff("editor", "编辑 Editors"))
    assert "待审作品" in client.get("/admin/works/entries/?status=pending").content.decode()
    form = {"status": "accepted", "moderation_note": "符合要求", "title": entry.title, "category": entry.category,
            "authors": entry.authors, "description": entry.description}
    assert client.post(f"/admin/works/entries/edit/{entry.pk}/", form).status_code == 302
    entry.refresh_from_db()
    assert entry.status == Entry.Status.ACCEPTED and entry.moderation_note == "符合要求"
