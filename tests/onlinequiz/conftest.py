import pytest


@pytest.fixture
def migrated_rows(transactional_db):
    """The rows that migrations seed (site, home page, taxonomy), back after an earlier test's flush.

    Mark the test `django_db(transaction=True, serialized_rollback=True)` so that Django keeps a
    serialized copy. Django restores it by itself only until Playwright's sync API has run: from
    then on the thread has a running event loop and `connection` is another object (asgiref's
    async storage) without the copy, which stays on the thread's plain connection.
    """
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection, connections
    from taxonomy.models import Venue
    from wagtail.models import Site

    if Site.objects.exists() and Venue.objects.exists():
        return
    plain = getattr(connections._connections._storage, "default", connection)
    # The flush re-ran post_migrate (content types, permissions): empty the tables again first,
    # and afterwards move the sequences beyond the restored ids (PostgreSQL).
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(plain._test_serialized_contents)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            cursor.execute(statement)


@pytest.fixture
def quiz_url(asgi_server, migrated_rows):
    """The demo online quiz (drawing from the demo bank) served by daphne."""
    from onlinequiz import demo as quiz_demo
    from onlinequiz.models import OnlineQuizPage
    from quizzes import demo as bank_demo

    bank_demo.load()
    quiz_demo.load()
    return asgi_server + OnlineQuizPage.objects.get().url


@pytest.fixture
def quiz_page(db):
    """A published quiz of 5 questions (3 single, 1 multiple worth 20, 1 true/false) from 6."""
    from wagtail.models import Page

    from onlinequiz.models import MixRow, OnlineQuizPage
    from quizzes.models import Question
    from tests.quizzes.factories import make_bank, make_question

    bank = make_bank()
    for number in range(4):
        make_question(bank, f"单选题{number}号？", options=("对的选项", "错的选项一", "错的选项二"), correct="A",
                      explanation=f"解析{number}号")
    make_question(bank, "多选题？", kind=Question.Kind.MULTIPLE, options=("甲", "乙", "丙", "丁"), correct="ABD",
                  explanation="多选解析", points=20)
    make_question(bank, "判断题？", kind=Question.Kind.TRUE_FALSE, correct="B", explanation="判断解析")
    page = OnlineQuizPage(
        title="网上答题", slug="quiz", bank=bank, time_limit=120, attempts_per_day=2,
        mix_rows=[MixRow(count=3, kind="single"), MixRow(count=1, kind="multiple"), MixRow(count=1, kind="truefalse")],
    )
    Page.objects.get(depth=2).add_child(instance=page)
    page.save_revision().publish()
    return page
