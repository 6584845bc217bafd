import pytest

from contests.interunit import demo
from contests.interunit.models import Contest, RoundQuestion

pytestmark = pytest.mark.django_db


def test_demo_contest_is_ready_and_loading_twice_creates_nothing_new():
    summary = demo.load()
    assert "7 teams" in summary and "3 rounds" in summary
    contest = Contest.objects.get(title=demo.TITLE)
    assert contest.rehearsal and contest.teams.count() == 7
    assert RoundQuestion.objects.filter(round__contest=contest, round__kind="compulsory").count() == 7
    assert RoundQuestion.objects.filter(round__contest=contest, round__kind="buzzer").count() == 5
    questions = list(RoundQuestion.objects.filter(round__contest=contest).values_list("question", flat=True))
    assert len(set(questions)) == len(questions) == 19
    demo.load()
    assert Contest.objects.count() == 1
    lines = list(demo.describe_urls("http://x"))
    assert lines[0] == f"Contest host:    http://x/live/contest/{contest.pk}/host/  (log in as a host or the admin)"
    assert sum("code" in line for line in lines) == 7
