"""Security headers: the CSP on public pages and in the admin, and the production headers."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_get_the_strict_policy(client):
    response = client.get("/")
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:", "blob:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    # Embedded video players of bilibili, Tencent Video and Youku only (base/video_embeds.py).
    assert policy["frame-src"] == ["'self'", "https://player.bilibili.com", "https://v.qq.com", "https://player.youku.com"]
    # The live sockets of this host, and no other.
    assert policy["connect-src"] == ["'self'", "ws://testserver"]


def test_a_secure_request_allows_wss_of_its_own_host(client):
    policy = directives(client.get("/", secure=True, HTTP_HOST="localhost")["Content-Security-Policy"])
    assert policy["connect-src"] == ["'self'", "wss://localhost"]


def test_the_admin_gets_its_looser_policy_and_may_frame_itself(admin_client):
    response = admin_client.get("/admin/")
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["frame-src"] == ["'self'"]


def test_framing_and_sniffing_are_refused(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


PROBE = """
import json
from django.test import Client
response = Client().get("/i18n/setlang/", secure=True, HTTP_HOST="safety.example.org")
plain = Client().get("/i18n/setlang/", HTTP_HOST="safety.example.org")
print(json.dumps({"secure": dict(response.headers), "plain_status": plain.status_code, "plain_location": plain.get("Location")}))
"""


def test_production_mode_sends_hsts_and_redirects_to_https(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL", "REDIS_URL")},
        "DEBUG": "0",
        "SECRET_KEY": "a8Qz-k3pL0v_Rt7yWm2sXc9nBe5uHu1dSf6oJg4eKo8rTi0wNy",
        "ALLOWED_HOSTS": "safety.example.org",
        "SECURE_PROXY": "0",
        "VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    headers = report["secure"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "wss://safety.example.org" in headers["Content-Security-Policy"]
    assert (report["plain_status"], report["plain_location"]) == (301, "https://safety.example.org/i18n/setlang/")
