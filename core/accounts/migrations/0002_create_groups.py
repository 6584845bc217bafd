"""The four staff groups and the permissions they start with; later apps add their own."""
from django.db import migrations

EDITORS = "编辑 Editors"
REVIEWERS = "审核 Reviewers"
HOSTS = "主持人 Hosts"
JUDGES = "评委 Judges"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    REVIEWERS: ["add_page", "change_page", "publish_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [("wagtailimages", "image", ["add", "change", "choose"]),
              ("wagtaildocs", "document", ["add", "change", "choose"])],
    REVIEWERS: [("wagtailimages", "image", ["choose"]), ("wagtaildocs", "document", ["choose"])],
}
ADMIN_ACCESS = [EDITORS, REVIEWERS, HOSTS]


def permission(apps, app_label, model, codename):
    # Permissions are normally created after all migrations; create the ones we need now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return perm


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")
    # Wagtail's own starter groups would sit confusingly beside ours.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()

    for name in (EDITORS, REVIEWERS, HOSTS, JUDGES):
        group, _ = Group.objects.get_or_create(name=name)
        if name in ADMIN_ACCESS:
            group.permissions.add(access_admin)
        for codename in PAGE_PERMISSIONS.get(name, []):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission(apps, "wagtailcore", "page", codename)
            )
        for app_label, model, actions in COLLECTION_PERMISSIONS.get(name, []):
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission(apps, app_label, model, f"{action}_{model}"),
                )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, REVIEWERS, HOSTS, JUDGES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
