"""Editors and hosts may look at (and download) the online quiz results."""
from django.db import migrations

from core.accounts.roles import EDITORS, HOSTS


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Permissions are normally created after all migrations have run.
    content_type, _ = ContentType.objects.get_or_create(app_label="onlinequiz", model="attempt")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_attempt", defaults={"name": "Can view quiz attempt"}
    )
    for group_name in (EDITORS, HOSTS):
        Group.objects.get_or_create(name=group_name)[0].permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("onlinequiz", "0001_initial"), ("accounts", "0002_create_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
