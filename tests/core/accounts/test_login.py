import pytest
from django.contrib.auth.models import Group

from core.accounts import roles

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-Passphrase-2019"


@pytest.fixture
def make_user(django_user_model):
    def make(username, *groups):
        user = django_user_model.objects.create_user(username=username, email=f"{username}@example.org", password=PASSWORD)
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make


def test_the_four_staff_groups_exist_with_admin_access_where_needed():
    names = set(Group.objects.values_list("name", flat=True))
    assert set(roles.ALL) <= names
    assert not {"Editors", "Moderators"} & names
    for name in (roles.EDITORS, roles.REVIEWERS, roles.HOSTS):
        assert Group.objects.get(name=name).permissions.filter(codename="access_admin").exists()
    assert not Group.objects.get(name=roles.JUDGES).permissions.filter(codename="access_admin").exists()


def test_admin_sends_anonymous_visitors_to_allauth(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "next=/admin/" in response["Location"]


@pytest.mark.parametrize("url", ["/admin/login/", "/_util/login/"])
def test_wagtail_password_forms_are_closed(client, make_user, url):
    make_user("editor", roles.EDITORS)
    response = client.get(url + "?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    # A password posted there logs nobody in.
    client.post(url, {"username": "editor", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_redirect_refuses_a_foreign_next(client):
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response["Location"] == "/accounts/login/"


def test_editor_logs_in_through_allauth_and_reaches_the_admin(client, make_user):
    make_user("editor", roles.EDITORS)
    response = client.post("/accounts/login/?next=/admin/", {"login": "editor", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_user_in_no_group_cannot_reach_the_admin(client, make_user):
    make_user("visitor")
    client.post("/accounts/login/", {"login": "visitor", "password": PASSWORD})
    assert "_auth_user_id" in client.session
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert not response["Location"].startswith("/admin/")


def test_judge_has_no_admin(client, make_user):
    make_user("judge", roles.JUDGES)
    client.post("/accounts/login/", {"login": "judge", "password": PASSWORD})
    assert client.get("/admin/").status_code in (302, 403)


def test_signup_is_closed(client):
    response = client.post(
        "/accounts/signup/",
        {"username": "stranger", "email": "s@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert "注册关闭" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_an_email(client, make_user, mailoutbox):
    make_user("editor", roles.EDITORS)
    response = client.post("/accounts/password/reset/", {"email": "editor@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["editor@example.org"]
    assert "/accounts/password/reset/key/" in mailoutbox[0].body


def test_failed_logins_are_rate_limited(client, make_user):
    make_user("editor", roles.EDITORS)
    for _ in range(5):
        client.post("/accounts/login/", {"login": "editor", "password": "wrong"})
    # Even the right password is refused while the limit holds.
    response = client.post("/accounts/login/", {"login": "editor", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "登录失败次数过多" in response.content.decode()


def test_wagtail_password_management_is_off(client, make_user):
    make_user("editor", roles.EDITORS)
    client.post("/accounts/login/", {"login": "editor", "password": PASSWORD})
    body = client.get("/admin/account/").content.decode()
    assert 'name="password_form-' not in body
    assert 'name="email-email"' not in body
    assert client.get("/admin/password_reset/").status_code == 404
