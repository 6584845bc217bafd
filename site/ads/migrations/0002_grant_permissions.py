from django.db import migrations

from base.group_permissions import grant

EDITORS = "编辑 Editors"
REVIEWERS = "审核 Reviewers"

def grant_permissions(apps, schema_editor):
    grant(apps, {
        EDITORS: [("ads", "publicservicead", ["add_publicservicead", "change_publicservicead", "delete_publicservicead", "view_publicservicead"])],
        REVIEWERS: [("ads", "publicservicead", ["change_publicservicead", "view_publicservicead"])],
    })


class Migration(migrations.Migration):
    dependencies = [("ads", "0001_initial"), ("accounts", "0002_create_groups")]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
