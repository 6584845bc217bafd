"""Once a contest has started, the admin refuses changes to its set-up (real admin POSTs of the
edit form as the page renders it); a rehearsal cleared back to the lobby is editable again."""
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from contests.interunit.runner import run
from contests.interunit.models import Contest, Round, RoundQuestion, Team
from contests.rules.phases import Role

pytestmark = pytest.mark.django_db
STARTED = "比赛已开始"


def form_data(client, url):
    """The edit form's fields with their current values, as a browser would submit them."""
    response = client.get(url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    form = next(form for form in page.find_all("form") if form.find(attrs={"name": "title"}) or form.find(attrs={"name": "stem"}))
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "select":
            values = [option.get("value", option.text) for option in field.find_all("option") if option.has_attr("selected")]
            data[name] = values if field.has_attr("multiple") else (values[0] if values else "")
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.name == "textarea":
            data[name] = field.text.lstrip("\n")
        else:
            data[name] = field.get("value", "")
    return data


def prefixed(data, formset, model_pk, field):
    """The form-data key of `field` of the inline form of `formset` holding the object `model_pk`."""
    for key, value in data.items():
        if key.startswith(f"{formset}-") and key.endswith("-id") and value == str(model_pk):
            return key[: -len("id")] + field
    raise KeyError(model_pk)


@pytest.fixture
def editor(client, django_user_model, contest):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw-admin-123456")
    client.force_login(admin)
    return client


def errors(response):
    return [e.get_text(" ", strip=True) for e in BeautifulSoup(response.content, "html.parser").select(".error-message")]


def edit_url(contest):
    return reverse("wagtailsnippets_contests_contest:edit", args=[contest.pk])


def post(editor, contest, change):
    data = form_data(editor, edit_url(contest))
    change(data)
    return editor.post(edit_url(contest), data)


def buzzer_points(contest):
    return Round.objects.get(contest=contest, kind="buzzer").points


def test_before_the_start_everything_can_be_edited(editor, contest):
    rnd = Round.objects.get(contest=contest, kind="buzzer")
    response = post(editor, contest, lambda data: data.update({prefixed(data, "rounds", rnd.pk, "points"): "25"}))
    assert response.status_code == 302, errors(response)
    assert buzzer_points(contest) == 25


def test_after_the_start_rounds_scoring_and_teams_are_refused_with_a_clear_message(editor, contest):
    run(contest.pk, Role.HOST, None, "host", "start", {})
    rnd = Round.objects.get(contest=contest, kind="buzzer")
    team = contest.teams.first()
    changes = [
        lambda data: data.update({prefixed(data, "rounds", rnd.pk, "points"): "25"}),
        lambda data: data.update({prefixed(data, "rounds", rnd.pk, "DELETE"): "1"}),
        lambda data: data.update({"start_score": "500"}),
        lambda data: data.update({prefixed(data, "teams", team.pk, "DELETE"): "1"}),
        lambda data: data.update({prefixed(data, "teams", team.pk, "order"): "9"}),
    ]
    for change in changes:
        response = post(editor, contest, change)
        assert response.status_code == 200
        assert STARTED in response.content.decode()
    assert buzzer_points(contest) == 20 and Contest.objects.get(pk=contest.pk).start_score == 100
    assert Team.objects.filter(contest=contest).count() == 3 and Team.objects.get(pk=team.pk).order == team.order
    assert RoundQuestion.objects.filter(round=rnd).count() == 2


def test_after_the_start_the_title_and_how_a_team_is_shown_may_change(editor, contest):
    run(contest.pk, Role.HOST, None, "host", "start", {})
    team = contest.teams.first()

    def rename(data):
        data["title"] = "测试联赛（决赛）"
        data[prefixed(data, "teams", team.pk, "name")] = "消防一队（更名）"

    response = post(editor, contest, rename)
    assert response.status_code == 302, errors(response)
    assert Contest.objects.get(pk=contest.pk).title == "测试联赛（决赛）"
    assert Team.objects.get(pk=team.pk).name == "消防一队（更名）"
    assert Contest.objects.get(pk=contest.pk).state["phase"] == "reading"  # the contest runs on


def test_clearing_a_rehearsal_unlocks_the_set_up(editor, contest):
    Contest.objects.filter(pk=contest.pk).update(rehearsal=True)
    run(contest.pk, Role.HOST, None, "host", "start", {})
    rnd = Round.objects.get(contest=contest, kind="buzzer")

    def raise_points(data):
        data[prefixed(data, "rounds", rnd.pk, "points")] = "30"

    assert STARTED in post(editor, contest, raise_points).content.decode()
    run(contest.pk, Role.HOST, None, "host", "reset", {})
    assert post(editor, contest, raise_points).status_code == 302
    assert buzzer_points(contest) == 30


def test_a_started_contest_is_not_deleted_nor_a_question_in_play_edited(editor, contest):
    run(contest.pk, Role.HOST, None, "host", "start", {})
    delete = reverse("wagtailsnippets_contests_contest:delete", args=[contest.pk])
    response = editor.post(delete, follow=True)
    assert Contest.objects.filter(pk=contest.pk).exists()
    assert "已开始，不能删除" in response.content.decode()
    question = RoundQuestion.objects.filter(round__contest=contest, question__isnull=False).first().question
    url = reverse("wagtailsnippets_quizzes_question:edit", args=[question.pk])
    data = form_data(editor, url)
    data["stem"] = "改过的题干"
    response = editor.post(url, data, follow=True)
    assert "正在进行" in response.content.decode()
    question.refresh_from_db()
    assert question.stem != "改过的题干"
