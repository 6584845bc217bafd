from django.db import migrations

from base.group_permissions import grant

EDITORS = "编辑 Editors"
REVIEWERS = "审核 Reviewers"

def grant_permissions(apps, schema_editor):
    grant(apps, {
        EDITORS: [("units", "nomination", ["add_nomination", "view_nomination"])],
        REVIEWERS: [("units", "nomination", ["add_nomination", "view_nomination", "review_nomination"])],
    })


class Migration(migrations.Migration):
    dependencies = [("units", "0001_initial"), ("accounts", "0002_create_groups")]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
