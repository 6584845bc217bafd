"""allauth's per-address "login" limit (30 POSTs a minute per IP): the 31st is refused, even right."""
import pytest

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-Passphrase-2019"


def test_the_31st_login_post_from_one_address_is_refused(client, django_user_model, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    django_user_model.objects.create_user("editor", "editor@example.org", PASSWORD)
    # Incomplete forms: they count against "login" without counting as failed logins.
    for _ in range(30):
        assert client.post("/accounts/login/", {"login": "editor"}, REMOTE_ADDR="203.0.113.7").status_code == 200
    response = client.post("/accounts/login/", {"login": "editor", "password": PASSWORD}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another address is not affected.
    response = client.post("/accounts/login/", {"login": "editor", "password": PASSWORD}, REMOTE_ADDR="198.51.100.2")
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
