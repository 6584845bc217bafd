"""Hostile text typed into the site is shown as text: on the home page, in allauth's login form,
in the admin's search, page, user and taxonomy listings. The harness itself is tested first."""
import pytest
from django.test import Client
from wagtail.models import Page

from base.models import HomePage
from core.taxonomy.models import Venue

from .xss import PAYLOADS, assert_shown_escaped, injections

MARKUP_PAYLOADS = [payload for payload in PAYLOADS if "<" in payload]


@pytest.mark.parametrize("payload", MARKUP_PAYLOADS)
def test_the_harness_catches_a_payload_rendered_raw(payload):
    assert injections(f"<html><body><p>{payload}</p></body></html>")


def test_the_harness_catches_a_javascript_url_in_a_link():
    assert injections('<a href=" JavaScript:alert(1)">x</a>')
    assert not injections("<p>javascript:alert(1)</p>")


def test_the_harness_fails_when_the_payload_is_not_shown_at_all():
    with pytest.raises(AssertionError, match="not shown"):
        assert_shown_escaped("<p>nothing here</p>", PAYLOADS[0])


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_home_page_fields_are_shown_as_text(client, payload):
    home = HomePage.objects.get()
    home.title, home.banner_theme, home.introduction = payload, payload[:120], f"介绍 {payload}"
    home.save_revision().publish()
    body = client.get("/").content.decode()
    assert_shown_escaped(body, payload)
    assert_shown_escaped(body, f"介绍 {payload}")


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_login_name_is_echoed_back_as_text(payload):
    response = Client().post("/accounts/login/", {"login": payload, "password": "wrong"})
    assert response.status_code == 200
    assert_shown_escaped(response, payload)


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_admin_search_shows_the_query_and_matching_titles_as_text(admin_client, payload):
    home = HomePage.objects.get()
    home.title = f"安全 {payload}"
    home.save_revision().publish()
    response = admin_client.get("/admin/pages/search/", {"q": "安全"})
    assert_shown_escaped(response, f"安全 {payload}")
    response = admin_client.get("/admin/pages/search/", {"q": payload})
    assert_shown_escaped(response, payload)
    response = admin_client.get(f"/admin/pages/{Page.get_first_root_node().pk}/")
    assert_shown_escaped(response, f"安全 {payload}")


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_admin_lists_of_users_and_taxonomy_terms_show_names_as_text(admin_client, django_user_model, payload):
    django_user_model.objects.create_user("mallory", "mallory@example.org", "x", first_name=payload[:150], last_name="X")
    venue = Venue.objects.first()
    venue.name, venue.description = payload[:60], payload
    venue.save()
    assert_shown_escaped(admin_client.get("/admin/users/"), f"{payload[:150]} X")
    body = admin_client.get("/admin/venue/").content.decode()
    assert_shown_escaped(body, payload[:60])
    assert_shown_escaped(admin_client.get(f"/admin/venue/edit/{venue.pk}/"), payload)
