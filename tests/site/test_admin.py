"""The admin screens of the CMS apps open for the roles that use them."""
import pytest
from django.urls import reverse

from core.accounts.roles import EDITORS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url_name", [
    "wagtailsnippets_ads_publicservicead:list", "wagtailsnippets_ads_publicservicead:add",
    "wagtailsnippets_hazards_listedhazard:list", "wagtailsnippets_hazards_listedhazard:add",
    "nominations:list", "nominations:add",
])
def test_editor_opens_the_editing_screens(client, staff, url_name):
    client.force_login(staff("editor", EDITORS))
    response = client.get(reverse(url_name))
    assert response.status_code == 200, url_name


def test_editor_may_edit_the_headline_figures(client, staff, home):
    client.force_login(staff("editor", EDITORS))
    response = client.get(reverse("wagtailsettings:edit", args=("base", "headlinefigures")))
    assert response.status_code in (200, 302)
    if response.status_code == 302:  # redirected to the default site's form
        assert client.get(response["Location"]).status_code == 200
