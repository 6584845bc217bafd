"""Fixtures shared by every part: a live daphne server, a private redis-server, a headless chromium,
screenshot folder."""
import os
from functools import partial
from pathlib import Path

import pytest

OUTPUT_DIR = Path(__file__).resolve().parent.parent / "test-output"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]


def _flush_by_delete():
    """PostgreSQL's TRUNCATE of every table (Django's flush after each transactional test) takes
    seconds: it makes new files for ~150 tables. The tests' few rows go faster by DELETE in the
    flush's one transaction; Django's foreign keys are deferred, so the order does not matter."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences:
            return truncate(self, style, tables, reset_sequences=True, allow_cascade=allow_cascade)
        return [f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables]

    DatabaseOperations.sql_flush = sql_flush


_flush_by_delete()


_migrated_rows = {}


def _instances(serialized):
    """Serialized rows -> (instances per model, multi-table children, m2m links per through model)."""
    from django.core import serializers

    rows, inherited, relations = {}, [], {}
    for item in serializers.deserialize("json", serialized):
        model = type(item.object)
        if model._meta.parents:
            inherited.append(item.object)  # bulk_create cannot insert multi-table children
        else:
            rows.setdefault(model, []).append(item.object)
        for name, targets in (item.m2m_data or {}).items():
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            relations.setdefault(through, []).extend(
                through(**{f"{source}_id": item.object.pk, f"{target}_id": pk}) for pk in targets
            )
    return rows, inherited, relations


def _restore_migrated_rows():
    """A transactional test's flush empties every table; put the migrated rows back first.

    Every flush after a test skips post_migrate (its content types and permissions would be
    thrown away here anyway), and the rows go back by one INSERT per table: the row-by-row
    restore of Django's serialized rollback took seconds per test on PostgreSQL."""
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from wagtail.models import Site

    if "default" not in _migrated_rows:
        # The first transactional test starts from the pristine migrated database: every
        # earlier test ran inside a transaction that was rolled back. The rows are read into
        # model instances now: building a Wagtail page looks up (or makes) its content type.
        _migrated_rows["default"] = _instances(connection.creation.serialize_db_to_string())
    if Site.objects.exists():
        return
    rows, inherited, relations = _migrated_rows["default"]
    with transaction.atomic():  # foreign keys are checked at the commit, when every row is back
        for model, objects in rows.items():
            model._base_manager.bulk_create(objects)
        for instance in inherited:
            instance.save_base(raw=True)
        for through, links in relations.items():
            through._base_manager.bulk_create(links)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            cursor.execute(statement)


@pytest.fixture(scope="session", autouse=True)
def _flush_without_post_migrate():
    """See _restore_migrated_rows: a flush only empties the tables."""
    from django.core.management.commands import flush

    emit = flush.emit_post_migrate_signal
    flush.emit_post_migrate_signal = lambda *args, **kwargs: None
    yield
    flush.emit_post_migrate_signal = emit


@pytest.fixture(autouse=True)
def _fresh_state(request):
    """Every test starts from the migrated database and empty caches (rate-limit counters, pages
    cached for anonymous visitors, and the per-process questions of public games, cached by game
    id, which repeat across tests, and the online contests' pages and banks kept per process by id)."""
    from django.core.cache import caches

    from contests.games.state import played_questions
    from onlinecontest import play_cache

    caches["pages"].clear()  # pages cached for anonymous visitors (site/pagecache), per process
    cache = caches["default"]
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or bool(marker and marker.kwargs.get("transaction"))
    if marker or transactional or "db" in request.fixturenames:
        request.getfixturevalue("transactional_db" if transactional else "db")
        played_questions.cache_clear()
        play_cache.clear()
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


def daphne_setup():
    """In the forked daphne, before it serves: the test database, and daphne's requests as a
    production server builds them (config/server.py; its garbage-collector freeze is left out)."""
    from channels.testing.live import set_database_connection

    from uploads import server_bodies

    set_database_connection()
    server_bodies.leave_forms_unparsed()


@pytest.fixture
def asgi_server(transactional_db):
    """The real ASGI application under daphne in a subprocess on 127.0.0.1, with the test database.

    Yields the base URL. Data must be committed to be seen, hence `transactional_db`.
    """
    from channels.testing.live import make_application
    from daphne.testing import DaphneProcess
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

    prepare_fork()
    process = DaphneProcess(
        host="127.0.0.1",
        get_application=partial(make_application, static_wrapper=ASGIStaticFilesHandler),
        setup=daphne_setup,
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
