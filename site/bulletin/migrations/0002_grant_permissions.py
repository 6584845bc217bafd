from django.db import migrations

from base.group_permissions import grant

EDITORS = "编辑 Editors"
REVIEWERS = "审核 Reviewers"


def grant_permissions(apps, schema_editor):
    codenames = ["add_monthlyfigures", "change_monthlyfigures", "delete_monthlyfigures", "view_monthlyfigures"]
    grant(apps, {
        EDITORS: [("bulletin", "monthlyfigures", codenames)],
        REVIEWERS: [("bulletin", "monthlyfigures", ["view_monthlyfigures"])],
    })


class Migration(migrations.Migration):
    dependencies = [("bulletin", "0001_initial"), ("accounts", "0002_create_groups")]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
