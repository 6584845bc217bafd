"""Durable answer storage: "first one wins" and "one answer per X" by a unique constraint.

Never read-then-write: two processes checking "is there an answer yet?" at the same moment would
both see none. Instead insert and let the database's unique constraint refuse the second row.
"""
from channels.db import database_sync_to_async
from django.db import IntegrityError, transaction


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
