"""Editors and hosts may see the contest dashboard, export and redeem prize codes."""
from django.db import migrations

from core.accounts.roles import EDITORS, HOSTS


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Permissions are normally created after all migrations have run.
    content_type, _ = ContentType.objects.get_or_create(app_label="onlinecontest", model="contestattempt")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_contestattempt", defaults={"name": "Can view contest attempt"}
    )
    for group_name in (EDITORS, HOSTS):
        Group.objects.get_or_create(name=group_name)[0].permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("onlinecontest", "0001_initial"), ("accounts", "0002_create_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
