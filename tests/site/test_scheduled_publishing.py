"""Scheduled publishing: an approved revision with `go_live_at` goes live when `publish_scheduled` runs."""
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_publish_scheduled_puts_a_case_live_at_its_time(client, make_case, case_index):
    case = make_case("定时公开的案例")
    case.unpublish()
    case.go_live_at = timezone.now() + timedelta(hours=1)
    case.save_revision().publish()  # with a future go_live_at this only schedules
    case.refresh_from_db()
    assert not case.live
    call_command("publish_scheduled")
    case.refresh_from_db()
    assert not case.live

    # Let the hour pass: move the scheduled time into the past.
    revision = case.get_latest_revision()
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    case.refresh_from_db()
    assert case.live
    assert client.get(case_index.url).context["totals"]["count"] == 1
