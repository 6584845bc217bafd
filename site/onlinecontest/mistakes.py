"""The mistakes book (错题本): each question a participant answered wrong, with how often and the
last answer given; one upsert per hand-in."""
from django.db import connection

from .records import Mistake


def record(participant, wrong, answers, now):
    if not wrong:
        return
    table = connection.ops.quote_name(Mistake._meta.db_table)
    when = connection.ops.adapt_datetimefield_value(now)
    rows = [(participant.pk, question.pk, 1, answers.get(str(question.pk), ""), when) for question in wrong]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (participant_id, question_id, times, last_answer, last_wrong_at) VALUES "
            + ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
            + f" ON CONFLICT (participant_id, question_id) DO UPDATE SET times = {table}.times + 1, "
            "last_answer = excluded.last_answer, last_wrong_at = excluded.last_wrong_at",
            [value for row in rows for value in row],
        )
