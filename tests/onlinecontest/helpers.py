"""Playing the contest through the Django test client."""
from django.test import Client
from django.urls import reverse

from core.accounts.phone import normalise
from core.accounts.sms import memory
from core.organisations.models import Unit
from onlinecontest.records import ContestAttempt


def signed_in_client(number):
    client = Client()
    client.post("/accounts/login/code/", {"phone": number})
    code = memory.last_code(normalise(number))
    assert code, "no code was sent"
    response = client.post("/accounts/login/code/confirm/", {"code": code})
    assert response.status_code == 302
    return client


def join(client, page, name="李安全", unit="塘下镇中心小学"):
    unit = Unit.objects.get(name=unit)
    return client.post(page.url + "join/", {"name": name, "unit": unit.pk})


def start(client, page, mode="contest"):
    return client.post(reverse("onlinecontest:start", args=[page.pk]), {"mode": mode})


def answer(client, attempt, right=5):
    """Hand in `attempt` with the first `right` questions answered correctly (label A)."""
    data = {}
    for index, pk in enumerate(attempt.question_ids):
        data[f"q{pk}"] = "A" if index < right else "B"
    return client.post(attempt.url(), data)


def play(client, page, right=5, mode="contest"):
    response = start(client, page, mode)
    assert response.status_code == 302, response.status_code
    attempt = ContestAttempt.objects.filter(page=page).order_by("-pk").first()
    answer(client, attempt, right)
    attempt.refresh_from_db()
    return attempt
