import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_passes_in_production_mode(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "0",
        "SECRET_KEY": "a8Qz-k3pL0v_Rt7yWm2sXc9nBe5uHu1dSf6oJg4eKo8rTi0wNy",
        "ALLOWED_HOSTS": "safety.example.org",
        "VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_mode_refuses_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update({"DEBUG": "0", "ALLOWED_HOSTS": "safety.example.org", "VAR_DIR": str(tmp_path)})
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_is_the_default_and_fails_closed(tmp_path):
    """Without DEBUG: no secret key means no start; with one, production settings (issue #12)."""
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "MFA_REQUIRED", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update({"ALLOWED_HOSTS": "safety.example.org", "VAR_DIR": str(tmp_path)})
    refused = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert refused.returncode != 0 and "SECRET_KEY must be set" in refused.stderr
    assert not (tmp_path / "secret_key").exists()
    env["SECRET_KEY"] = "a8Qz-k3pL0v_Rt7yWm2sXc9nBe5uHu1dSf6oJg4eKo8rTi0wNy"
    probe = (
        "import json; from django.conf import settings as s; print(json.dumps([s.DEBUG, s.SERVE_MEDIA, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, bool(s.MFA_REQUIRED_GROUPS), s.MFA_REQUIRED_FOR_SUPERUSERS]))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [False, False, True, True, True, True]
