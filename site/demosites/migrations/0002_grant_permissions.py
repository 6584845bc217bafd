from django.db import migrations

from base.group_permissions import grant

EDITORS = "编辑 Editors"
# Created here: the inspectors who visit and score demonstration sites.
INSPECTORS = "检查员 Inspectors"


def grant_permissions(apps, schema_editor):
    grant(apps, {
        EDITORS: [("demosites", "checklistitem", ["add_checklistitem", "change_checklistitem",
                                                  "delete_checklistitem", "view_checklistitem"]),
                  ("demosites", "application", ["change_application", "view_application"]),
                  ("demosites", "inspection", ["view_inspection"])],
        INSPECTORS: [("demosites", "application", ["inspect_site", "view_application"]),
                     ("demosites", "inspection", ["view_inspection"])],
    })


class Migration(migrations.Migration):
    dependencies = [("demosites", "0001_initial"), ("accounts", "0002_create_groups")]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
