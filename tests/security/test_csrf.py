"""CSRF on every form: each POST form found by rendering the site, and every URL outside the
admin, refuses a POST without the token (403) and accepts the same POST with it."""
import pytest
from django.core.management import call_command
from django.test import Client

from .crawl import crawl, crawlable, every_pattern, parameterless_paths

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-Passphrase-2019"
# Views allowed to skip CSRF, with the reason. Keep it empty unless a view has another defence.
CSRF_EXEMPT = {}


@pytest.fixture
def demo_site(django_user_model):
    """Every part's demo content, so that their pages and forms are there to be found."""
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    return django_user_model.objects.create_superuser("boss", "boss@example.org", PASSWORD)


def post_forms_of(client):
    """Each distinct POST form once (the language switch is on every page)."""
    pages, forms = crawl(client)
    distinct = {(form.action, tuple(sorted(form.fields))): form for form in forms if form.method == "post"}
    return pages, list(distinct.values())


def assert_csrf_guarded(client, form):
    fields = {name: value for name, value in form.fields.items() if name != "csrfmiddlewaretoken"}
    refused = client.post(form.action, fields)
    assert refused.status_code == 403, f"{form.action} (form on {form.page}) accepted a POST without a CSRF token"
    forged = client.post(form.action, {**fields, "csrfmiddlewaretoken": "x" * 64})
    assert forged.status_code == 403, f"{form.action} accepted a forged CSRF token"
    # The same POST with the page's real token gets through: the 403s above were CSRF's.
    accepted = client.post(form.action, form.fields)
    assert accepted.status_code != 403, f"{form.action} refused its own form"


def test_every_public_post_form_needs_the_token(demo_site):
    client = Client(enforce_csrf_checks=True)
    pages, forms = post_forms_of(client)
    assert "/" in pages and "/accounts/login/" in pages
    actions = {form.action for form in forms}
    assert {"/i18n/setlang/", "/accounts/login/"} <= actions
    for form in forms:
        assert "csrfmiddlewaretoken" in form.fields, f"the form for {form.action} on {form.page} has no CSRF token"
        assert_csrf_guarded(client, form)


def test_every_post_form_a_signed_in_user_sees_needs_the_token(demo_site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(demo_site)
    pages, forms = post_forms_of(client)
    assert "/accounts/logout/" in {form.action for form in forms}
    for form in forms:
        if form.action == "/accounts/logout/":
            continue  # checked last: it ends the session the others need
        assert_csrf_guarded(client, form)
    assert client.post("/accounts/logout/").status_code == 403
    assert "_auth_user_id" in client.session


def test_every_url_outside_the_admin_refuses_a_post_without_the_token(db):
    paths = [path for path in parameterless_paths() if crawlable(path) or path.startswith("/documents/")]
    assert "/accounts/login/" in paths and "/i18n/setlang/" in paths
    for path in paths:
        client = Client(enforce_csrf_checks=True)
        client.get("/")  # a CSRF cookie, so only the missing token can be the reason
        assert client.post(path, {"x": "1"}).status_code == 403, path


def test_no_view_outside_the_admin_is_csrf_exempt():
    exempt = {
        route: view
        for route, view in every_pattern()
        if getattr(view, "csrf_exempt", False) and not route.startswith("admin/")
    }
    assert set(exempt) <= set(CSRF_EXEMPT), exempt
