"""Every environment variable the project reads, parsed in one place."""
import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def flag(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def text(name, default=""):
    return os.environ.get(name, default)


def listing(name, default=()):
    value = os.environ.get(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


# Production unless asked: DEBUG=1 (as `make run` sets) is development mode.
DEBUG = flag("DEBUG", default=False)
# The TOTP rule for staff (accounts/mfa_required.py) holds in every mode; only MFA_REQUIRED=0 lifts it.
MFA_REQUIRED = flag("MFA_REQUIRED", default=True)
DATABASE_URL = text("DATABASE_URL")
REDIS_URL = text("REDIS_URL")
ALLOWED_HOSTS = listing("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = listing("CSRF_TRUSTED_ORIGINS")
BASE_URL = text("BASE_URL", "http://127.0.0.1:8000")
EMAIL_HOST = text("EMAIL_HOST")
SECURE_PROXY = flag("SECURE_PROXY", default=not DEBUG)
# Proxies in front of daphne that append to X-Forwarded-For (docs/deploy.md: one nginx).
# Sections not updated for this many days are listed to editors (publishing/freshness.py).
FRESHNESS_DAYS = int(text("FRESHNESS_DAYS", "14"))
# A culture works entry's video, in megabytes (works.files; its submission URL's body limit). daphne
# holds a request's whole body in memory once while the application reads it (docs/uploads.md).
WORKS_VIDEO_MAX_MB = int(text("WORKS_VIDEO_MAX_MB", "200"))
TRUSTED_PROXY_COUNT = int(text("TRUSTED_PROXY_COUNT", "1" if SECURE_PROXY else "0"))


def secret_key():
    """SECRET_KEY from the environment; in DEBUG a key kept under var/ so sessions survive restarts."""
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off")
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()

# Certificates, letters and bulletins are drawn with a CJK font (core/fonts.py): Debian's fonts-noto-cjk.
CJK_FONT_PATH = text("CJK_FONT_PATH", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
CJK_FONT_BOLD_PATH = text("CJK_FONT_BOLD_PATH", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")

# Sign-in codes by text message (core/accounts/sms/): the console sender in development, none
# (no SMS sign-in) in production until a provider is set, e.g. core.accounts.sms.aliyun.AliyunSender.
SMS_SENDER = text("SMS_SENDER", "core.accounts.sms.console.ConsoleSender" if DEBUG else "")
LOGIN_RATE_LIMITS = text("LOGIN_RATE_LIMITS", "30/m/ip")
LOGIN_FAILED_RATE_LIMITS = text("LOGIN_FAILED_RATE_LIMITS", "10/m/ip,5/5m/key")
# psycopg's pool per process, and how many HTTP requests one process runs at once (config/request_slots.py).
DATABASE_POOL_SIZE = int(text("DATABASE_POOL_SIZE", "20"))
HTTP_CONCURRENCY = int(text("HTTP_CONCURRENCY", str(DATABASE_POOL_SIZE)))
SMS_CODE_RATE_LIMITS = text("SMS_CODE_RATE_LIMITS", "20/m/ip,200/h/ip,1/m/key,5/h/key")
ALIYUN_SMS = {
    "access_key_id": text("ALIYUN_SMS_ACCESS_KEY_ID"),
    "access_key_secret": text("ALIYUN_SMS_ACCESS_KEY_SECRET"),
    "sign_name": text("ALIYUN_SMS_SIGN_NAME"),
    "template_code": text("ALIYUN_SMS_TEMPLATE_CODE"),
    "endpoint": text("ALIYUN_SMS_ENDPOINT", "https://dysmsapi.aliyuncs.com/"),
}
# WeChat sign-in (allauth's Weixin provider, core/accounts/weixin.py) is on only when both are set.
WEIXIN_APP_ID = text("WEIXIN_APP_ID")
WEIXIN_APP_SECRET = text("WEIXIN_APP_SECRET")
