"""Durable answer storage: "first one wins" and "one answer per X" by a unique constraint.

Never read-then-write: two processes checking "is there an answer yet?" at the same moment would
both see none. Instead insert and let the database's unique constraint refuse the second row.
"""
from channels.db import database_sync_to_async
from django.db import IntegrityError, connection, transaction


def insert_once(model, **fields):
    """Insert a row of `model`; (row, True), or (None, False) when a unique constraint refused it.

    The insert runs in its own savepoint, so a refusal leaves an enclosing transaction usable.
    Any other integrity error (a missing foreign key) is also reported as (None, False): pass
    rows whose references are known to exist.
    """
    try:
        with transaction.atomic():
            return model.objects.create(**fields), True
    except IntegrityError:
        return None, False


ainsert_once = database_sync_to_async(insert_once)


def update_rows(objects, fields):
    """Save `fields` of many rows of one model: one UPDATE statement run for every row.

    What `QuerySet.bulk_update` does, without its CASE WHEN expression per row (which costs
    seconds of CPU for a few thousand rows, e.g. scoring every player of a public game).
    """
    objects = list(objects)
    if not objects:
        return
    meta = objects[0]._meta
    columns = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(meta.db_table), ", ".join(f"{quote(field.column)} = %s" for field in columns), quote(meta.pk.column)
    )
    rows = [
        [field.get_db_prep_save(getattr(row, field.attname), connection) for field in columns] + [row.pk]
        for row in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
