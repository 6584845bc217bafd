"""Fixtures shared by every part: a live daphne server, a private redis-server, a headless chromium,
screenshot folder."""
import os
from functools import partial
from pathlib import Path

import pytest

OUTPUT_DIR = Path(__file__).resolve().parent.parent / "test-output"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]


_migrated_rows = {}


def _restore_migrated_rows():
    """A transactional test's flush empties every table; put the migrated rows back first."""
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection
    from wagtail.models import Site

    if "default" not in _migrated_rows:
        # The first transactional test starts from the pristine migrated database: every
        # earlier test ran inside a transaction that was rolled back.
        _migrated_rows["default"] = connection.creation.serialize_db_to_string()
    if Site.objects.exists():
        return
    # The flush re-ran post_migrate (content types, permissions): empty the tables again without
    # it, restore, then move PostgreSQL's sequences beyond the restored ids.
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(_migrated_rows["default"])
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            cursor.execute(statement)


@pytest.fixture(autouse=True)
def _fresh_state(request):
    """Every test starts from the migrated database and empty caches (rate-limit counters, pages
    cached for anonymous visitors, and the per-process questions of public games, cached by game
    id, which repeat across tests)."""
    from django.core.cache import caches

    from contests.games.state import played_questions

    caches["pages"].clear()  # pages cached for anonymous visitors (site/pagecache), per process
    cache = caches["default"]
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or bool(marker and marker.kwargs.get("transaction"))
    if marker or transactional or "db" in request.fixturenames:
        request.getfixturevalue("transactional_db" if transactional else "db")
        played_questions.cache_clear()
        if transactional:
            _restore_migrated_rows()
    elif type(cache).__name__ == "DatabaseCache":
        return  # no database, so nothing cached either
    cache.clear()


# Socket timeouts as `make run` (DAPHNE_TIMEOUTS in the Makefile) and docs/deploy.md give daphne:
# every test daphne runs with them too.
DAPHNE_TIMEOUTS = {"websocket_connect_timeout": 5, "websocket_handshake_timeout": 5, "ping_interval": 15,
                   "ping_timeout": 15}


def prepare_fork():
    """Make this process safe to fork a daphne from. Earlier async tests leave asgiref's
    thread-sensitive executor (whose worker thread a fork does not copy: every
    database_sync_to_async in a consumer would hang), channel layers bound to closed loops, and
    on PostgreSQL a connection pool whose worker threads did not survive the fork either (the
    child then connects afresh, so it must get the test database's name as it is, unprefixed)."""
    from concurrent.futures import ThreadPoolExecutor

    from asgiref.sync import SyncToAsync
    from channels.layers import channel_layers
    from django.conf import settings
    from django.db import connections

    SyncToAsync.single_thread_executor = ThreadPoolExecutor(max_workers=1)
    channel_layers.backends = {}
    database = settings.DATABASES["default"]
    if not database.get("TEST", {}).get("NAME"):
        database.setdefault("TEST", {})["NAME"] = database["NAME"]
    for connection in connections.all(initialized_only=True):
        connection.close()
        if hasattr(connection, "close_pool"):
            connection.close_pool()


@pytest.fixture
def fork_safe():
    """prepare_fork, for tests that fork their own daphne processes; call it before each fork."""
    prepare_fork()
    return prepare_fork


@pytest.fixture
def private_redis(settings):
    """A redis-server of this test's own, and the channel layer (not the cache) pointed at it.

    The daphne processes forked afterwards inherit these settings, on either backend. A missing
    redis-server fails the test (`make test` installs it); nothing is skipped."""
    from tests.redis_server import RedisServer

    server = RedisServer()
    server.start()
    settings.CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer", "CONFIG": {"hosts": [server.url]}}
    }
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def output_dir(request):
    """A folder for this test's screenshots and files: test-output/<test name>/."""
    path = OUTPUT_DIR / request.node.name.replace("/", "_")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def asgi_server(transactional_db):
    """The real ASGI application under daphne in a subprocess on 127.0.0.1, with the test database.

    Yields the base URL. Data must be committed to be seen, hence `transactional_db`.
    """
    from channels.testing.live import make_application, set_database_connection
    from daphne.testing import DaphneProcess
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

    prepare_fork()
    process = DaphneProcess(
        host="127.0.0.1",
        get_application=partial(make_application, static_wrapper=ASGIStaticFilesHandler),
        setup=set_database_connection,
        kwargs=DAPHNE_TIMEOUTS,
    )
    process.start()
    if not process.ready.wait(timeout=30):
        process.terminate()
        raise RuntimeError("daphne did not start within 30 s")
    yield f"http://127.0.0.1:{process.port.value}"
    process.terminate()
    process.join(timeout=10)


@pytest.fixture(scope="module")
def _playwright():
    # Playwright's sync API runs an event loop in this thread; Django's ORM guard would
    # otherwise refuse the test's own (synchronous) database calls.
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            yield playwright
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="module")
def browser(_playwright):
    """Debian's chromium, never a browser that Playwright downloads. Module-scoped: Playwright's
    event loop must be gone before the next module's async tests run."""
    browser = _playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def phone(browser):
    """A phone-sized page (360 x 740) speaking Chinese."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN", device_scale_factor=2)
    page = context.new_page()
    yield page
    context.close()
