"""Contest pages, export, results page and CMS hooks."""
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail import hooks

from contests.interunit.runner import run
from contests.interunit.exporting import safe_cell
from contests.interunit.models import ContestResultsPage, Team
from contests.rules.phases import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def contest(db, contest_factory):
    return contest_factory()


@pytest.fixture
def host_client(client, contest):
    client.login(username="host", password="pw-host-123456")
    return client


def test_host_console_needs_a_host_and_renders_in_chinese(client, contest):
    url = reverse("contests:host", args=[contest.pk])
    assert client.get(url).status_code == 302  # to the login
    client.login(username="host", password="pw-host-123456")
    html = client.get(url).content.decode()
    assert "主持人控制台" in html and "<script>" not in html and 'src="/static/contests/js/host.js"' in html
    for team in contest.teams.all():
        assert team.access_code in html


def test_screen_and_team_pad_render_and_bad_codes_get_a_clear_error(client, contest):
    assert "大屏幕" in client.get(reverse("contests:screen", args=[contest.pk])).content.decode()
    team = contest.teams.first()
    assert team.name in client.get(reverse("contests:team_pad", args=[team.access_code])).content.decode()
    response = client.get(reverse("contests:team_pad", args=["ZZZZZZ"]))
    assert response.status_code == 404 and "没有队伍使用这个参赛码" in response.content.decode()
    assert client.get(reverse("contests:team_join"), {"code": team.access_code.lower()}).status_code == 302


def test_export_has_every_event_and_answer_with_formulas_neutralised(host_client, contest):
    Team.objects.filter(pk=contest.teams.first().pk).update(name="=cmd|' /C calc'!A0")
    first = contest.teams.first()
    run(contest.pk, Role.HOST, 1, "host", "start", {})
    run(contest.pk, Role.HOST, 1, "host", "open", {})
    run(contest.pk, Role.TEAM, first.pk, "team", "answer", {"choice": "B"})
    run(contest.pk, Role.HOST, 1, "host", "adjust", {"team": first.pk, "delta": -3, "reason": "+违规"})
    response = host_client.get(reverse("contests:export", args=[contest.pk]))
    workbook = load_workbook(io.BytesIO(response.content))
    events, answers, ranking = workbook.worksheets
    assert events.max_row == 3 and answers.max_row == 2
    assert events.cell(2, 2).value == "'=cmd|' /C calc'!A0" and events.cell(3, 4).value == "adjust: +违规"
    assert answers.cell(2, 5).value == "B" and answers.cell(2, 7).value == "correct"
    assert ranking.cell(2, 4).value == 107
    assert [safe_cell(v) for v in ("-1", "@x", "ok", 5)] == ["'-1", "'@x", "ok", 5]


def test_results_page_goes_through_review_and_is_linked_from_the_unit_page(host_client, contest, django_user_model):
    """The host requests publication; the page is a revision in the site's moderation workflow, and
    only a reviewer's approval (a real admin POST) publishes it. No skipped permission check."""
    from django.contrib.auth.models import Group
    from wagtail.models import Page, Site, WorkflowState

    from core.accounts.roles import REVIEWERS

    root = Site.objects.get(is_default_site=True).root_page
    unit_page = root.add_child(instance=Page(title="示范单位", slug="unit"))
    first = contest.teams.first()
    Team.objects.filter(pk=first.pk).update(unit_page=unit_page)
    run(contest.pk, Role.HOST, 1, "host", "start", {})
    run(contest.pk, Role.HOST, 1, "host", "adjust", {"team": first.pk, "delta": 5, "reason": "加分"})
    response = host_client.post(reverse("contests:publish", args=[contest.pk]), follow=True)
    assert "比赛结果页已提交审核" in response.content.decode()
    page = ContestResultsPage.objects.get(contest=contest)
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert not page.live and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert host_client.get(page.url).status_code == 404
    host_client.post(reverse("contests:publish", args=[contest.pk]))  # asking twice keeps one page, one review
    assert ContestResultsPage.objects.count() == 1 and WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1

    reviewer = django_user_model.objects.create_user("reviewer", password="pw-reviewer-123456")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    host_client.force_login(reviewer)
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    assert host_client.post(url, {"comment": ""}).status_code == 302
    page.refresh_from_db()
    assert page.live and page.live_revision.user.username == "host"
    html = host_client.get(page.url).content.decode()
    assert "最终排名" in html and first.name in html and "105" in html
    [results] = [fn(unit_page) for fn in hooks.get_hooks("unit_contest_results")]
    assert results == [{"contest": contest.title, "rank": 1, "score": 105, "url": page.url}]


def test_live_now_lists_running_contests(rf, contest):
    [fn] = hooks.get_hooks("live_now_items")
    assert fn(rf.get("/")) == []
    run(contest.pk, Role.HOST, 1, "host", "start", {})
    assert fn(rf.get("/")) == [{"title": contest.title, "url": f"/live/contest/{contest.pk}/screen/", "kind": "正在进行的竞赛"}]


def test_draw_questions_refuses_once_started(host_client, contest):
    url = reverse("contests:draw", args=[contest.pk])
    assert host_client.post(url, follow=True).status_code == 200
    run(contest.pk, Role.HOST, 1, "host", "start", {})
    html = host_client.post(url, follow=True).content.decode()
    assert "竞赛开始前" in html


def test_contest_admin_edits_teams_and_rounds_inline(client, contest):
    from core.accounts.models import User

    User.objects.create_superuser("boss", "boss@example.org", "pw-boss-123456")
    client.login(username="boss", password="pw-boss-123456")
    html = client.get(f"/admin/snippets/contests/contest/edit/{contest.pk}/").content.decode()
    assert "消防一队" in html and "必答题" in html and "起始分" in html


def test_team_qr_codes_for_the_hosts_only(client, host_client, contest):
    team = contest.teams.first()
    url = reverse("contests:team_qr", args=[contest.pk, team.pk])
    response = host_client.get(url)
    assert response["Content-Type"] == "image/svg+xml" and b"<svg" in response.content
    assert url in host_client.get(reverse("contests:host", args=[contest.pk])).content.decode()
    client.logout()
    assert client.get(url).status_code == 302


def test_judge_panel_for_assigned_judges_only(client, contest_factory):
    contest = contest_factory(judged=True)
    client.login(username="judge", password="pw-judge-123456")
    assert "评委打分" in client.get(reverse("contests:judge", args=[contest.pk])).content.decode()
    assert client.get(reverse("contests:host", args=[contest.pk])).status_code == 403
    contest.judges.clear()
    assert client.get(reverse("contests:judge", args=[contest.pk])).status_code == 403
