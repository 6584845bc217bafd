"""Staff in the MFA groups must set up TOTP before using the site (accounts/mfa_required.py)."""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group

from core.accounts import roles

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-Passphrase-2019"
SETUP_URL = "/accounts/2fa/totp/activate/"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mfa_for_reviewers_hosts_and_judges(settings):
    settings.MFA_REQUIRED_GROUPS = [roles.REVIEWERS, roles.HOSTS, roles.JUDGES]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff(django_user_model):
    def make(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


def current_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in(client, username):
    response = client.post("/accounts/login/", {"login": username, "password": PASSWORD})
    assert response.status_code == 302
    return response


def confirm_password(client):
    """allauth asks for the password again before adding an authenticator."""
    response = client.get(SETUP_URL)
    assert response["Location"].startswith("/accounts/reauthenticate/")
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response["Location"] == SETUP_URL


@pytest.mark.parametrize("group", [roles.REVIEWERS, roles.HOSTS, roles.JUDGES])
def test_staff_without_totp_are_sent_to_setup_from_every_page(client, staff, group):
    staff("someone", group)
    log_in(client, "someone")
    for url in ("/", "/admin/", "/admin/pages/", "/no-such-page/", "/accounts/password/change/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == SETUP_URL, url


def test_setup_logout_language_and_static_stay_open(client, staff):
    staff("reviewer", roles.REVIEWERS)
    log_in(client, "reviewer")
    confirm_password(client)
    assert client.get(SETUP_URL).status_code == 200
    assert client.get("/accounts/2fa/").status_code == 200
    assert client.get("/static/base/css/site.css").status_code == 200
    assert client.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 302
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_setting_up_totp_opens_the_site_and_gives_recovery_codes(client, staff):
    user = staff("host", roles.HOSTS)
    log_in(client, "host")
    confirm_password(client)
    page = client.get(SETUP_URL)
    assert "二维码" in page.content.decode() or "data:image/svg+xml" in page.content.decode()
    secret = client.session[SECRET_SESSION_KEY]
    counter = int(time.time()) // 30
    valid = {format_hotp_value(hotp_value(secret, counter + step)) for step in (-1, 0, 1)}
    wrong = next(code for code in ("000000", "111111", "222222", "333333") if code not in valid)
    response = client.post(SETUP_URL, {"code": wrong})
    assert response.status_code == 200  # a wrong code is refused, nothing is activated
    assert not Authenticator.objects.filter(user=user).exists()

    response = client.post(SETUP_URL, {"code": current_code(secret)})
    assert response.status_code == 302
    types = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
    assert client.get("/admin/").status_code == 200
    assert client.get("/").status_code == 200


def test_staff_with_totp_log_in_with_a_code_and_use_the_site(client, staff):
    user = staff("reviewer", roles.REVIEWERS)
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    TOTP.activate(user, secret)
    response = log_in(client, "reviewer")
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # the password alone is not enough
    response = client.post("/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_editors_and_members_of_no_listed_group_are_not_forced(client, staff, settings):
    staff("editor", roles.EDITORS)
    log_in(client, "editor")
    assert client.get("/admin/").status_code == 200
    settings.MFA_REQUIRED_GROUPS = []
    staff("reviewer", roles.REVIEWERS)
    client.post("/accounts/logout/")
    log_in(client, "reviewer")
    assert client.get("/admin/").status_code == 200


def test_anonymous_visitors_are_not_affected(client):
    assert client.get("/").status_code == 200


def groups_in(env_extra, tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "MFA_REQUIRED_GROUPS", "MFA_REQUIRED")},
        "SECRET_KEY": "a8Qz-k3pL0v_Rt7yWm2sXc9nBe5uHu1dSf6oJg4eKo8rTi0wNy",
        "VAR_DIR": str(tmp_path),
        **env_extra,
    }
    probe = "import json; from django.conf import settings; print(json.dumps(settings.MFA_REQUIRED_GROUPS))"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_mfa_of_reviewers_hosts_and_judges_is_required_in_every_mode(tmp_path):
    # and the hazard reports' handlers and dispatchers (reports/scoping.py)
    default = [roles.REVIEWERS, roles.HOSTS, roles.JUDGES, "隐患举报处理人", "隐患举报调度"]
    assert groups_in({"DEBUG": "0"}, tmp_path) == default
    assert groups_in({"DEBUG": "1"}, tmp_path) == default  # development mode does not lift it
    assert groups_in({"DEBUG": "1", "MFA_REQUIRED_GROUPS": roles.EDITORS}, tmp_path) == [roles.EDITORS]
    assert groups_in({"DEBUG": "1", "MFA_REQUIRED": "0"}, tmp_path) == []


def test_superusers_set_up_totp_too(client, django_user_model, settings):
    settings.MFA_REQUIRED_FOR_SUPERUSERS = True
    django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    log_in(client, "root")
    assert client.get("/admin/")["Location"] == SETUP_URL
