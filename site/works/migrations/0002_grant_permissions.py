from django.db import migrations

from base.group_permissions import grant

EDITORS = "编辑 Editors"
REVIEWERS = "审核 Reviewers"


def grant_permissions(apps, schema_editor):
    # Editors moderate entries; reviewers also void votes (an audited change of a vote).
    grant(apps, {
        EDITORS: [("works", "entry", ["change_entry", "view_entry"])],
        REVIEWERS: [("works", "entry", ["change_entry", "view_entry"]),
                    ("works", "vote", ["change_vote", "view_vote"])],
    })


class Migration(migrations.Migration):
    dependencies = [("works", "0001_initial"), ("accounts", "0002_create_groups")]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
