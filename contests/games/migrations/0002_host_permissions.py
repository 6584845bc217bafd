"""Hosts (主持人) run public games: they manage games and players, draw prizes, redeem codes."""
from django.db import migrations

HOSTS = "主持人 Hosts"
PERMISSIONS = {
    "publicgame": ["add", "change", "delete", "view"],
    "gamequestion": ["add", "change", "delete", "view"],
    "player": ["change", "view"],
    "playeranswer": ["view"],
    "luckydraw": ["add", "view"],
    "prize": ["change", "view"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    hosts, _ = Group.objects.get_or_create(name=HOSTS)
    for model, actions in PERMISSIONS.items():
        # Permissions are normally created after all migrations; create the ones we need now.
        content_type, _ = ContentType.objects.get_or_create(app_label="games", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            hosts.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    hosts = Group.objects.filter(name=HOSTS).first()
    if hosts:
        hosts.permissions.remove(*Permission.objects.filter(content_type__app_label="games"))


class Migration(migrations.Migration):
    dependencies = [
        ("games", "0001_initial"),
        ("accounts", "0002_create_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
