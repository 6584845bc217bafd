"""Retire the cookie quiz (the removed `onlinequiz` app) into the online contest.

Each OnlineQuizPage becomes an OnlineContestPage in anonymous (cookie) mode: the same Wagtail page
row, so its id, slug, URL, place in the tree, menus and revisions stay; its bank, time limit, daily
attempts and rows of “questions to draw” carry over. Its attempts become ArchivedQuizAttempt rows:
their free-text units match no registry unit, so they cannot be a Participant's attempts. Then
the old tables, content types, permissions and migration records go.

Databases that never had the app (new installs, tests) have no old tables: nothing to do. The
app's tables are read with SQL because its models are no longer installed.
"""
import json

from django.db import migrations

from core.accounts.roles import EDITORS, HOSTS

OLD_APP = "onlinequiz"
OLD_TABLES = ["onlinequiz_attempt", "onlinequiz_mixrow", "onlinequiz_onlinequizpage"]  # drop order
MIX_FIELDS = ["count", "kind", "area_id", "venue_id", "difficulty", "sort_order"]
# The contest's limits the quiz did not have: no total cap, no practice, no draws (no prizes).
CONTEST_DEFAULTS = {
    "identity": "cookie", "attempts_total": 10000, "practice_per_day": 0, "max_tab_switches": 0,
    "pass_percent": 80, "draws_per_day": 0, "no_prize_weight": 50, "starts_at": None, "ends_at": None,
}
# Models that point at a page by content type and id (Wagtail's revisions, logs, workflows,
# references and the search index): (app, model, content type field, id field).
GENERIC_POINTERS = [
    ("wagtailcore", "Revision", "content_type", "object_id"),
    ("wagtailcore", "PageLogEntry", "content_type", "page_id"),
    ("wagtailcore", "WorkflowState", "content_type", "object_id"),
    ("wagtailcore", "ReferenceIndex", "content_type", "object_id"),
    ("wagtailcore", "ReferenceIndex", "to_content_type", "to_object_id"),
    ("wagtailsearch", "IndexEntry", "content_type", "object_id"),
]


def rows(cursor, sql, params=()):
    cursor.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def contest_fields(quiz, mix):
    count = sum(row["count"] for row in mix) or 1
    return dict(
        CONTEST_DEFAULTS,
        introduction=quiz["introduction"], bank_id=quiz["bank_id"], question_count=count,
        time_limit=quiz["time_limit"], attempts_per_day=quiz["attempts_per_day"], draw_min_correct=min(4, count),
    )


def convert_revisions(Revision, page_id, old_type, new_type, fields):
    """Revisions keep their own title, slug and dates; they get the contest's fields and type.
    Their mix rows lose their old ids, so publishing an old revision makes new rows."""
    for revision in Revision.objects.filter(content_type_id=old_type, object_id=str(page_id)):
        content = revision.content if isinstance(revision.content, dict) else json.loads(revision.content)
        content.pop("show_leaderboard", None)
        content.update({key: value for key, value in fields.items() if key not in ("introduction", "bank_id")})
        content["content_type"] = new_type
        for row in content.get("mix_rows", []):
            row["pk"] = None
            row["page"] = page_id
        revision.content = content
        revision.content_type_id = new_type
        revision.save(update_fields=["content", "content_type"])


def retire(apps, schema_editor):
    connection = schema_editor.connection
    if "onlinequiz_onlinequizpage" not in connection.introspection.table_names():
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    OnlineContestPage = apps.get_model("onlinecontest", "OnlineContestPage")
    MixRow = apps.get_model("onlinecontest", "MixRow")
    Revision = apps.get_model("wagtailcore", "Revision")
    new_type = ContentType.objects.get_or_create(app_label="onlinecontest", model="onlinecontestpage")[0].pk
    old_type = ContentType.objects.filter(app_label=OLD_APP, model="onlinequizpage").values_list("pk", flat=True).first()
    with connection.cursor() as cursor:
        quizzes = rows(cursor, "SELECT page_ptr_id, introduction, bank_id, time_limit, attempts_per_day "
                               "FROM onlinequiz_onlinequizpage")
        for quiz in quizzes:
            page_id = quiz["page_ptr_id"]
            mix = rows(cursor, f"SELECT {', '.join(MIX_FIELDS)} FROM onlinequiz_mixrow WHERE page_id = %s "
                               "ORDER BY sort_order, id", [page_id])
            fields = contest_fields(quiz, mix)
            # raw=True saves the contest's own table only: the wagtailcore_page row is already there.
            OnlineContestPage(page_ptr_id=page_id, **fields).save_base(raw=True)
            MixRow.objects.bulk_create([MixRow(page_id=page_id, **row) for row in mix])
            cursor.execute("UPDATE wagtailcore_page SET content_type_id = %s WHERE id = %s", [new_type, page_id])
            if old_type:
                convert_revisions(Revision, page_id, old_type, new_type, fields)
        cursor.execute(
            "INSERT INTO onlinecontest_archivedquizattempt (page_id, name, unit, status, score, max_score, "
            "correct_count, duration_ms, started_at, submitted_at) SELECT page_id, name, unit, status, score, "
            "max_score, correct_count, duration_ms, started_at, submitted_at FROM onlinequiz_attempt"
        )
        if old_type:
            for app_label, model_name, type_field, id_field in GENERIC_POINTERS:
                try:
                    model = apps.get_model(app_label, model_name)
                except LookupError:
                    continue
                ids = [quiz["page_ptr_id"] if id_field == "page_id" else str(quiz["page_ptr_id"]) for quiz in quizzes]
                model.objects.filter(**{f"{type_field}_id": old_type, f"{id_field}__in": ids}).update(
                    **{f"{type_field}_id": new_type})
        for table in OLD_TABLES:
            cursor.execute(f"DROP TABLE {connection.ops.quote_name(table)}")
        cursor.execute("DELETE FROM django_migrations WHERE app = %s", [OLD_APP])
    # The quiz's permissions (and the group grants) go with its content types.
    ContentType.objects.filter(app_label=OLD_APP).delete()


def grant_archive_view(apps, schema_editor):
    """Who could look at the quiz results may look at the archive: editors and hosts."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Permissions are normally created after all migrations have run.
    content_type = ContentType.objects.get_or_create(app_label="onlinecontest", model="archivedquizattempt")[0]
    permission = Permission.objects.get_or_create(
        content_type=content_type, codename="view_archivedquizattempt",
        defaults={"name": "Can view archived quiz attempt"},
    )[0]
    for group_name in (EDITORS, HOSTS):
        Group.objects.get_or_create(name=group_name)[0].permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("onlinecontest", "0003_mix_rows_and_quiz_archive"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("accounts", "0002_create_groups"),
    ]

    operations = [
        migrations.RunPython(grant_archive_view, migrations.RunPython.noop),
        migrations.RunPython(retire, migrations.RunPython.noop),
    ]
