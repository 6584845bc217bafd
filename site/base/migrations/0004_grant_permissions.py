from django.db import migrations

from base.group_permissions import grant

EDITORS = "编辑 Editors"
REVIEWERS = "审核 Reviewers"

def grant_permissions(apps, schema_editor):
    grant(apps, {
        EDITORS: [("base", "headlinefigures", ["change_headlinefigures", "view_headlinefigures"])],
        REVIEWERS: [("base", "headlinefigures", ["change_headlinefigures", "view_headlinefigures"])],
    })
    # Wagtail's default moderation task belonged to the "Moderators" group the roles migration
    # removed: reviewers approve submissions for the whole site instead.
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    reviewers = Group.objects.filter(name=REVIEWERS).first()
    for task in GroupApprovalTask.objects.all():
        if reviewers and not task.groups.exists():
            task.groups.add(reviewers)


class Migration(migrations.Migration):
    dependencies = [("base", "0003_homepage_banner_image_headlinefigures"), ("accounts", "0002_create_groups"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
