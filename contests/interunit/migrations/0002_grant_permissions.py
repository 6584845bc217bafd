"""Hosts run contests (set-up and live data); judges see them. Superusers have everything."""
from django.db import migrations

HOSTS = "主持人 Hosts"
JUDGES = "评委 Judges"
GRANTS = {
    HOSTS: [(model, action) for model in ("contest", "team", "round", "roundquestion") for action in ("add", "change", "delete", "view")]
    + [(model, "view") for model in ("answer", "buzz", "judgescore", "scoreevent")],
    JUDGES: [(model, "view") for model in ("contest", "team", "round", "answer", "judgescore", "scoreevent")],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, grants in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, action in grants:
            content_type, _ = ContentType.objects.get_or_create(app_label="contests", model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="contests"))


class Migration(migrations.Migration):
    dependencies = [("contests", "0001_initial"), ("accounts", "0002_create_groups")]
    operations = [migrations.RunPython(grant, revoke)]
