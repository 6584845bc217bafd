"""Single writer per game: every state change runs inside one transaction holding the game row.

`select_for_update` serialises writers on PostgreSQL; on SQLite the settings' IMMEDIATE
transactions take the database write lock at BEGIN, which serialises them as well. So two hosts
pressing "next" at once run one after the other, and the second sees the first one's result.
"""
from channels.db import database_sync_to_async
from django.db import transaction


def change_locked(model, pk, change):
    """Run `change(row)` on the freshly locked row of `model` and return its result.

    Everything `change` writes commits together or not at all (an exception rolls it back).
    Broadcast only after this returns, so no client hears of a change that did not commit.
    """
    with transaction.atomic():
        row = model.objects.select_for_update().get(pk=pk)
        return change(row)


achange_locked = database_sync_to_async(change_locked)
