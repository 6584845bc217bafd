from django.db import migrations

from base.group_permissions import grant

EDITORS = "编辑 Editors"
REVIEWERS = "审核 Reviewers"

def grant_permissions(apps, schema_editor):
    grant(apps, {
        EDITORS: [("hazards", "listedhazard", ["add_listedhazard", "change_listedhazard", "delete_listedhazard", "view_listedhazard"])],
        REVIEWERS: [("hazards", "listedhazard", ["change_listedhazard", "view_listedhazard"])],
    })


class Migration(migrations.Migration):
    dependencies = [("hazards", "0001_initial"), ("accounts", "0002_create_groups")]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
