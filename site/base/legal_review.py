"""The legal review workflow (法制审核): editors submit, a reviewer approves or rejects with a comment.

Index pages whose children need legal review (cases, model units) get it on creation.
"""
from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from accounts.roles import REVIEWERS

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
