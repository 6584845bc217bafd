from django.db import migrations

WORKFLOW_NAME = "法制审核"


def use_legal_review_task(apps, schema_editor):
    """The 法制审核 workflow's plain group approval task becomes a LegalReviewTask (same name and
    groups); reviews in progress carry on under the new task."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    LegalReviewTask = apps.get_model("base", "LegalReviewTask")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return
    task_type, _created = ContentType.objects.get_or_create(app_label="base", model="legalreviewtask")
    for link in WorkflowTask.objects.filter(workflow=workflow):
        old = GroupApprovalTask.objects.filter(pk=link.task_id).first()
        if old is None:
            continue
        new = LegalReviewTask.objects.create(name=old.name, active=old.active, content_type=task_type)
        new.groups.set(old.groups.all())
        TaskState.objects.filter(task_id=old.pk).update(task_id=new.pk)
        link.task_id = new.pk
        link.save(update_fields=["task"])
        if not WorkflowTask.objects.filter(task_id=old.pk).exists():
            old.delete()


class Migration(migrations.Migration):
    dependencies = [("base", "0005_legal_review_task"), ("units", "0003_nomination_workflow")]

    operations = [migrations.RunPython(use_legal_review_task, migrations.RunPython.noop)]
