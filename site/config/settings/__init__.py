"""Settings for the whole platform, driven by the environment (see environment.py).

Unset DATABASE_URL and REDIS_URL give the embedded default: SQLite under var/ and
Channels' in-memory layer. Production mode unless DEBUG=1 asks for development mode.
"""
from urllib.parse import urlparse

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from core.accounts import roles

from . import environment as env

BASE_DIR = env.BASE_DIR
SITE_DIR = BASE_DIR / "site"
VAR_DIR = env.VAR_DIR
DEBUG = env.DEBUG
SECRET_KEY = env.secret_key()
ALLOWED_HOSTS = env.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = env.CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    # daphne first: `runserver` is then ASGI too.
    "daphne",
    "base",
    "furniture",
    "core.accounts",
    "core.taxonomy",
    "core.organisations",
    "core.imports",
    "quizzes",
    "onlinecontest",
    "contests.interunit",
    "contests.live",
    "contests.games",
    "contests.hall",
    "uploads",
    "sitesearch",
    "campaigns",
    "news",
    "events",
    "ads",
    "pagecache",
    "cases",
    "units",
    "hazards",
    "reports",
    "works",
    "demosites",
    "bulletin",
    "captcha",
    "publishing",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "channels",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.content_security_policy.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages for anonymous visitors, before the session and everything after it.
    "pagecache.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "base.language.ChineseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "uploads.limits.UploadSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.accounts.mfa_required.MFARequiredMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "furniture.bad_characters.RefuseNulCharactersMiddleware",
    # Last, so it answers a view's Http404 with the designed page before Django's debug page would.
    "furniture.not_found.DesignedNotFoundMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "furniture.elderly_mode.context",
            ],
        },
    },
]

# Database -------------------------------------------------------------------------------
if env.DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(env.DATABASE_URL, conn_max_age=0)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # Under ASGI every request may run on a different thread: persistent connections
        # leak, so use psycopg's pool instead (it requires CONN_MAX_AGE = 0).
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {"min_size": 1, "max_size": env.DATABASE_POOL_SIZE}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            "CONN_MAX_AGE": 0,
            "OPTIONS": {
                # WAL lets readers run beside the writer; IMMEDIATE takes the write lock at
                # BEGIN so concurrent writers queue on the busy timeout instead of failing.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # A file, not memory, so a daphne subprocess in browser tests sees the same data.
            "TEST": {"NAME": str(VAR_DIR / "test-db.sqlite3")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and channel layer ----------------------------------------------------------------
if env.REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.SharedPoolRedisCache",
            "LOCATION": env.REDIS_URL,
            "KEY_PREFIX": "qjqs",
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            # One pub/sub subscription per group and process, no per-channel polling, and no
            # cap of 100 pooled connections that made handshakes fail under load.
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            # Pub/sub channels ignore Redis's database number: without a prefix per database,
            # two sites (or test runs) on one Redis server would receive each other's frames.
            "CONFIG": {"hosts": [env.REDIS_URL], "prefix": f"qjqs{urlparse(env.REDIS_URL).path.strip('/') or '0'}"},
        }
    }
    # Sessions are read from Redis (one query fewer on every signed-in request) and still
    # written to the database, so a Redis restart signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # The database cache survives restarts and is shared by every process, so allauth's
    # login rate limits hold on the embedded default too.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cache_table",
        }
    }
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Public pages for anonymous visitors (site/pagecache): each process keeps its own copies, retired
# together by every publish; this many seconds at most in any case.
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "OPTIONS": {"MAX_ENTRIES": 2000},
}
PAGE_CACHE_SECONDS = int(env.text("PAGE_CACHE_SECONDS", "60"))

HTTP_CONCURRENCY = env.HTTP_CONCURRENCY

# Public games: how many players one client address may add to one game (contests/games/join_limit.py).
# A crowd behind one carrier address holds the `game_pass` cookie of the game, so it gets the higher one.
GAME_JOINS_PER_ADDRESS = int(env.text("GAME_JOINS_PER_ADDRESS", "10"))
GAME_JOINS_PER_ADDRESS_WITH_PASS = int(env.text("GAME_JOINS_PER_ADDRESS_WITH_PASS", "300"))

# Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "core.accounts.adapter.StaffOnlyAccountAdapter"
# Staff sign in with username or e-mail and password; participants with a phone number and a code
# sent by text message (allauth's login by code; core/accounts/phone.py, core/accounts/sms/).
ACCOUNT_LOGIN_METHODS = {"username", "email", "phone"}
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_FORMS = {"request_login_code": "core.accounts.forms.PhoneCodeRequestForm"}
ACCOUNT_PHONE_VERIFICATION_ENABLED = False  # the sign-in code itself verifies the number
SMS_SENDER = env.SMS_SENDER
# WeChat sign-in for participants, only with both keys (no keys: the provider is not installed).
SOCIALACCOUNT_ADAPTER = "core.accounts.social_adapter.ParticipantSocialAccountAdapter"
SOCIALACCOUNT_PROVIDERS = {}
SOCIALACCOUNT_EMAIL_REQUIRED = False  # WeChat gives no e-mail address
if env.WEIXIN_APP_ID and env.WEIXIN_APP_SECRET:
    INSTALLED_APPS.append("allauth.socialaccount.providers.weixin")
    SOCIALACCOUNT_PROVIDERS["weixin"] = {
        "APPS": [{"client_id": env.WEIXIN_APP_ID, "secret": env.WEIXIN_APP_SECRET}],
    }
ALIYUN_SMS = env.ALIYUN_SMS
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Sign-in codes by text message: allauth counts them per number (/key); the per-address rates are
# counted by core/accounts/address_limits.py, without allauth's per-key lock (see there).
_SMS_CODE_RATES = [rate.strip() for rate in env.SMS_CODE_RATE_LIMITS.split(",") if rate.strip()]
SMS_CODE_RATE_LIMITS_PER_ADDRESS = ",".join(rate for rate in _SMS_CODE_RATES if not rate.endswith("/key"))
ACCOUNT_RATE_LIMITS = {
    # A crowd behind one carrier address signs in by phone: raise it for a city-wide contest.
    "login": env.LOGIN_RATE_LIMITS,
    "login_failed": env.LOGIN_FAILED_RATE_LIMITS,
    "reset_password": "20/m/ip,5/m/key",
    "request_login_code": ",".join(rate for rate in _SMS_CODE_RATES if rate.endswith("/key")),
}
# The client address of allauth's rate limits and of the live limits (contests/live/address_limits.py):
# the X-Forwarded-For entry the trusted proxy appended, never one the client wrote itself.
ALLAUTH_TRUSTED_PROXY_COUNT = env.TRUSTED_PROXY_COUNT
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Accept the code of the neighbouring 30-second step too: phone clocks drift, and a code typed
# at the end of its step would otherwise fail (RFC 6238 section 5.2).
MFA_TOTP_TOLERANCE = 1
# Superusers and members of these groups are sent to TOTP setup until they have it
# (core/accounts/mfa_required.py), in development mode too; MFA_REQUIRED=0 lifts the rule.
MFA_REQUIRED_GROUPS = (
    # 隐患举报处理人 and 隐患举报调度: the hazard reports' handlers and dispatchers (reports/scoping.py).
    env.listing("MFA_REQUIRED_GROUPS", [roles.REVIEWERS, roles.HOSTS, roles.JUDGES, "隐患举报处理人", "隐患举报调度"])
    if env.MFA_REQUIRED else []
)
MFA_REQUIRED_FOR_SUPERUSERS = env.MFA_REQUIRED

if env.EMAIL_HOST:
    EMAIL_HOST = env.EMAIL_HOST
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "noreply@localhost")

# Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# Grouped numbers in Chinese as statistics print them: 12,345 (Django's own groups by four, unseparated).
FORMAT_MODULE_PATH = ["furniture.formats"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# First: Chinese for the Wagtail admin strings Wagtail's own catalog leaves in English.
LOCALE_PATHS = [SITE_DIR / "config" / "wagtail_locale"]

# Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# The embedded default serves uploads itself; at scale nginx serves /media/ (docs/deploy.md).
SERVE_MEDIA = env.flag("SERVE_MEDIA", default=DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# The general upload limit (uploads/limits.py), as Wagtail's per-file limits below.
MAX_UPLOAD_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# The culture works' submission takes a video of this size beside its images and PDF
# (core.upload_limits: that view's own body limit; docs/uploads.md on memory).
WORKS_VIDEO_MAX_SIZE = env.WORKS_VIDEO_MAX_MB * 1024 * 1024
WORKS_UPLOAD_MAX_SIZE = WORKS_VIDEO_MAX_SIZE + 60 * 1024 * 1024

# Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = _("Seven Into, Seven Contests")
WAGTAILADMIN_BASE_URL = env.BASE_URL
CJK_FONT_PATH = env.CJK_FONT_PATH
CJK_FONT_BOLD_PATH = env.CJK_FONT_BOLD_PATH
# Reporters' contact phones are deleted this many days after their report is closed
# (reports' delete_report_phones command, run daily).
REPORT_PHONE_RETENTION_DAYS = int(env.text("REPORT_PHONE_RETENTION_DAYS", "90"))
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_I18N_ENABLED = False
FRESHNESS_DAYS = env.FRESHNESS_DAYS
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "sitesearch.backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# bilibili, v.qq.com and Youku players are built from the page URL (no request); then oEmbed.
# Public pages may frame these players only (frame-src below).
VIDEO_PLAYER_ORIGINS = ["https://player.bilibili.com", "https://v.qq.com", "https://player.youku.com"]
WAGTAILEMBEDS_FINDERS = [{"class": "base.video_embeds.ChineseVideoFinder"}, {"class": "wagtail.embeds.finders.oembed"}]

# Production hardening (DEBUG off) -------------------------------------------------------
if not DEBUG:
    if env.SECURE_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Content-Security-Policy (config/content_security_policy.py), in every mode so tests see it.
# No inline script or style on public pages: JS and CSS are static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],  # plus ws(s):// of the request's host, added per request
        "media-src": [SELF],
        "frame-src": [SELF, *VIDEO_PLAYER_ORIGINS],  # embedded video players only
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin writes inline scripts and styles (panels, widgets, Draftail) and shows previews
# in same-origin iframes, so it gets its own, looser policy; nothing else is loosened.
ADMIN_CONTENT_SECURITY_POLICY = {
    "URL_PREFIX": "/admin/",
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    },
}
# Gravatar and Wagtail's release check would be cross-origin requests from the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"contests": {"level": "INFO"}, "core.accounts.sms": {"level": "INFO"}},
}

# `make run` loads these modules' `load()` in order (base.management.commands.load_demo_content).
# In menu order: each loader adds its section under the home page.
DEMO_CONTENT_LOADERS = ["core.organisations.demo", "base.demo", "furniture.demo", "news.demo", "cases.demo", "units.demo"]
DEMO_CONTENT_LOADERS += ["ads.demo", "hazards.demo"]
DEMO_CONTENT_LOADERS += ["quizzes.demo", "onlinecontest.demo"]
DEMO_CONTENT_LOADERS += ["campaigns.demo", "events.demo"]
DEMO_CONTENT_LOADERS += ["contests.interunit.demo"]
DEMO_CONTENT_LOADERS += ["contests.games.demo"]
DEMO_CONTENT_LOADERS += ["reports.demo"]
DEMO_CONTENT_LOADERS += ["works.demo", "demosites.demo", "bulletin.demo"]
