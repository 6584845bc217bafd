"""Editors manage question banks; hosts may look at them to prepare a contest."""
from django.db import migrations

from core.accounts.roles import EDITORS, HOSTS

GRANTS = {
    EDITORS: [f"{action}_{model}" for model in ("questionbank", "question") for action in ("add", "change", "delete", "view")],
    HOSTS: ["view_questionbank", "view_question"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            model = codename.split("_", 1)[1]
            # Permissions are normally created after all migrations have run.
            content_type, _ = ContentType.objects.get_or_create(app_label="quizzes", model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0001_initial"), ("accounts", "0002_create_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
