"""Granting model permissions to the staff groups from data migrations (historical models)."""


def grant(apps, grants):
    """`grants`: {group name: [(app_label, model, [codenames])]}. Missing permissions are created."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, entries in grants.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for app_label, model, codenames in entries:
            content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
            for codename in codenames:
                permission, _created = Permission.objects.get_or_create(
                    content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
                )
                group.permissions.add(permission)
