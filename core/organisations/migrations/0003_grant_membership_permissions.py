"""Editors and reviewers verify unit memberships (the admin and the public requests page)."""
from django.db import migrations

from core.accounts.roles import EDITORS, REVIEWERS


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Permissions are normally created after all migrations have run.
    content_type, _ = ContentType.objects.get_or_create(app_label="organisations", model="membership")
    permissions = [
        Permission.objects.get_or_create(content_type=content_type, codename=codename,
                                         defaults={"name": codename.replace("_", " ")})[0]
        for codename in ("view_membership", "change_membership")
    ]
    for group_name in (EDITORS, REVIEWERS):
        Group.objects.get_or_create(name=group_name)[0].permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0002_unit_membership"), ("accounts", "0002_create_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
