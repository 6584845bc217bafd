"""The legal review workflow (法制审核): editors submit, a reviewer approves or rejects with a comment.

Index pages whose children need legal review (cases, model units) get it on creation.
"""
from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from core.accounts.roles import REVIEWERS

WORKFLOW_NAME = "法制审核"


def legal_review_workflow():
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created or not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
        task.groups.set(Group.objects.filter(name=REVIEWERS))
        # Not through workflow.workflow_tasks: that cluster manager would defer the save.
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def attach_legal_review(page):
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": legal_review_workflow()})


def _attach_on_create(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        attach_legal_review(instance)


def review_pages_of(*page_models):
    for model in page_models:
        post_save.connect(_attach_on_create, sender=model, dispatch_uid=f"legal-review-{model._meta.label}")


def assign_legal_review_to_model(apps, app_label, model_name):
    """For data migrations: give every object of a snippet model the 法制审核 workflow.

    Works on historical models, so the workflow and its task are built as above by hand.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME, content_type=task_type, active=True)
        task.groups.set(Group.objects.filter(name=REVIEWERS))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})
