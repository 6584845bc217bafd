"""The legal review workflow (法制审核): editors submit, a reviewer approves or rejects with a comment.

Index pages whose children need legal review (cases, model units) get it on creation. Its task
refuses the approval of whoever made the revision under review (four eyes), and pages under it
are published by that approval only: superusers aside, nobody has a publish button on them.

Other apps add checks with the Wagtail hook `legal_review_checks` (a function returning a check,
see publishing/deidentification.py): while a check has open flags on the revision under review,
the approval is refused and the reviewer gets the check's action to resolve them instead.
"""
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import AbstractGroupApprovalTask, Workflow, WorkflowPage, WorkflowState, WorkflowTask
from wagtail.models.pages import PagePermissionTester

from core.accounts.roles import REVIEWERS

WORKFLOW_NAME = "法制审核"


def made_latest_revision(obj, user):
    revision = obj.get_latest_revision()
    return revision is not None and revision.user_id == user.pk


def review_checks():
    return [register() for register in hooks.get_hooks("legal_review_checks")]


def blocking_checks(obj):
    """The checks with flags still open on `obj`'s revision under review."""
    return [check for check in review_checks() if check.open_flags(obj)]


class LegalReviewTask(AbstractGroupApprovalTask):
    """A group approval whose approver must not be the last editor (as ONS's GroupReviewTask),
    and which cannot be approved while a review check has open flags."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if made_latest_revision(obj, user):
            actions = [action for action in actions if action[0] != "approve"]
        blocking = blocking_checks(obj) if actions else []
        if blocking:
            actions = [action for action in actions if action[0] != "approve"]
            actions += [(check.action, check.label, True) for check in blocking]
        return actions

    def _check(self, action):
        return next((check for check in review_checks() if check.action == action), None)

    def get_form_for_action(self, action):
        check = self._check(action)
        return check.form_class if check else super().get_form_for_action(action)

    def get_template_for_action(self, action):
        check = self._check(action)
        return check.template_name if check else super().get_template_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        check = self._check(action_name)
        if check:
            return check.resolve(obj, user, **kwargs)
        # Also when an approver's "approve" in the editor first saved his own changes.
        if action_name == "approve" and made_latest_revision(obj, user):
            raise PermissionDenied(_("You cannot approve your own changes: another reviewer must."))
        if action_name == "approve" and (blocking := blocking_checks(obj)):
            raise PermissionDenied(blocking[0].refusal)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, except the person who made the last change")

    class Meta:
        verbose_name = _("legal review task")
        verbose_name_plural = _("legal review tasks")


def approval_publishing(obj, user):
    """Whether `user` approved the workflow just finished on `obj`, and its latest revision, made
    before that approval by someone else, is not live yet: the moment Wagtail publishes that
    revision on behalf of the approval. A draft saved after an approval needs a review of its own."""
    state = WorkflowState.objects.for_instance(obj).order_by("-created_at", "-pk").first()
    approval = state.current_task_state if state and state.status == WorkflowState.STATUS_APPROVED else None
    latest = obj.get_latest_revision()
    return (
        approval is not None and latest is not None
        and approval.finished_by_id == user.pk
        and latest.user_id != user.pk
        and latest.created_at <= approval.finished_at
        and type(obj).objects.filter(pk=obj.pk).values_list("live_revision_id", flat=True).first() != latest.pk
    )


class LegalReviewPermissionTester(PagePermissionTester):
    def can_publish(self):
        if self.user.is_superuser:
            return super().can_publish()
        return super().can_publish() and approval_publishing(self.page, self.user)

    def can_publish_subpage(self):
        return self.user.is_superuser and super().can_publish_subpage()


class LegalReviewPageMixin:
    """For page types published only by a 法制审核 approval (and the index pages above them)."""

    def permissions_for_user(self, user):
        return LegalReviewPermissionTester(user, self)


def legal_review_workflow():
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created or not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = LegalReviewTask.objects.create(name=WORKFLOW_NAME)
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

    Works on historical models, so the workflow and its task are built as above by hand (a plain
    group approval task then: base's migration 0006 makes it a LegalReviewTask).
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
