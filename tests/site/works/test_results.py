"""The results page's ranking is frozen when the reviewer's approval publishes it: voiding votes
afterwards changes the live standings, not the published page; staff see the differences in the
editor, and a new revision through the workflow freezes the new figures."""
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from core.accounts.roles import EDITORS, REVIEWERS
from works.entries import JudgeSheet, Vote
from works.models import WorksResultsPage
from works.voting import cast, void

pytestmark = pytest.mark.django_db


@pytest.fixture
def contest(call, make_entry, judge, voter):
    """甲 leads on votes, 乙 on the judges' sheets; 甲 wins while all votes count."""
    first, second = make_entry("甲"), make_entry("乙")
    referee = judge()
    JudgeSheet.objects.create(entry=first, judge=referee, points={"主题": 40, "表现": 30}, total=70)
    JudgeSheet.objects.create(entry=second, judge=referee, points={"主题": 45, "表现": 30}, total=75)
    people = [voter(f"v{number}") for number in range(4)]
    for number, person in enumerate(people):
        cast(call, first, person, f"203.0.113.{number + 1}")
    cast(call, second, people[0], "203.0.113.1")
    return first, second


def approve_through_workflow(page, editor, reviewer):
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk),
                                      status=WorkflowState.STATUS_IN_PROGRESS)
    client = Client()
    client.force_login(reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.current_task_state.pk))
    assert client.post(url, {"comment": "同意发布"}).status_code == 302
    page.refresh_from_db()
    assert page.live


def ranking(page):
    """(work, award) per row of the public page as served (possibly from the page cache)."""
    html = Client().get(page.url).content.decode()
    return re.findall(r'<a href="[^"]*/entry/\d+/">([^<]+)</a>.*?<td>([^<]*)</td></tr>', html, re.S)


def test_voiding_after_publication_leaves_the_published_ranking_and_shows_the_difference(call, contest, staff):
    editor, reviewer = staff("editor", EDITORS), staff("reviewer", REVIEWERS)
    results = WorksResultsPage(title="评选结果", slug="results", first_prizes=1, second_prizes=1, live=False)
    call.add_child(instance=results)
    approve_through_workflow(results, editor, reviewer)
    assert results.frozen_at is not None
    assert ranking(results) == [("甲", "一等奖"), ("乙", "二等奖")]

    first, _second = contest
    void(Vote.objects.filter(entry=first), "同一号段集中刷票", reviewer)
    page = Client().get(results.url)
    assert ranking(results) == [("甲", "一等奖"), ("乙", "二等奖")]  # as approved
    assert "4</td>" in page.content.decode() and "本排名于" in page.content.decode()

    client = Client()
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(results.pk,))).content.decode()
    assert "实时排名已有变化" in edit
    assert "票数" in edit and "综合得分" in edit

    approve_through_workflow(WorksResultsPage.objects.get(pk=results.pk), editor, reviewer)
    assert ranking(results) == [("乙", "一等奖"), ("甲", "二等奖")]
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(results.pk,))).content.decode()
    assert "实时排名与已发布的排名一致" in edit


def test_the_frozen_figures_are_kept_with_the_published_revision(call, contest):
    results = WorksResultsPage(title="评选结果", slug="results", live=False)
    call.add_child(instance=results)
    revision = results.save_revision()
    revision.publish()
    revision.refresh_from_db()
    frozen = revision.content["frozen_standings"]
    assert [(row["title"], row["votes"], row["combined"]) for row in frozen] == [
        ("甲", 4, str(Decimal("79.00"))), ("乙", 1, str(Decimal("60.00")))]  # 70×0.7+100×0.3; 75×0.7+25×0.3
    # A draft started after publication carries the published figures, not stale ones.
    draft = WorksResultsPage.objects.get(pk=results.pk).save_revision()
    assert draft.content["frozen_standings"] == frozen


def test_a_preview_shows_the_live_standings_a_publication_would_freeze(call, contest, staff):
    results = WorksResultsPage(title="评选结果", slug="results", live=False)
    call.add_child(instance=results)
    results.save_revision().publish()
    first, _second = contest
    void(Vote.objects.filter(entry=first), "刷票", staff("reviewer", REVIEWERS))
    client = Client()
    client.force_login(staff("editor", EDITORS))
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=(results.pk,)))
    assert [row.title for row in preview.context["standings"]] == ["乙", "甲"]
    assert [title for title, _award in ranking(results)] == ["甲", "乙"]
