"""The steps of a nomination. Each one is recorded with who, when and any comment."""
from django.db import transaction
from django.utils.translation import gettext as _

from .models import ModelUnitIndexPage, ModelUnitPage, Nomination, NominationStep

Status = Nomination.Status
Action = NominationStep.Action


class NominationError(Exception):
    pass


def nominate(nomination, user):
    with transaction.atomic():
        nomination.nominated_by = user
        nomination.save()
        nomination.steps.create(action=Action.NOMINATED, user=user)
    return nomination


def _decide(nomination, user, comment, status, action):
    if nomination.status != Status.PENDING:
        raise NominationError(_("This nomination has already been decided."))
    if not comment.strip():
        raise NominationError(_("Give a comment with the decision."))
    with transaction.atomic():
        nomination.status = status
        nomination.save(update_fields=["status"])
        nomination.steps.create(action=action, user=user, comment=comment.strip())


def approve(nomination, user, comment):
    _decide(nomination, user, comment, Status.APPROVED, Action.APPROVED)


def reject(nomination, user, comment):
    _decide(nomination, user, comment, Status.REJECTED, Action.REJECTED)


def make_unit_draft(nomination, user):
    """Turn an approved nomination into an unpublished model-unit page, ready for legal review."""
    if nomination.status != Status.APPROVED:
        raise NominationError(_("Only an approved nomination becomes a model unit."))
    if nomination.unit_page_id:
        raise NominationError(_("This nomination already has its model unit page."))
    index_page = ModelUnitIndexPage.objects.first()
    if index_page is None:
        raise NominationError(_("Create the model units index page first."))
    with transaction.atomic():
        page = ModelUnitPage(
            title=nomination.unit_name, unit_name=nomination.unit_name, venue=nomination.venue,
            township=nomination.township, summary=nomination.reasons, live=False, owner=user,
        )
        index_page.add_child(instance=page)
        page.save_revision(user=user)
        nomination.unit_page = page
        nomination.save(update_fields=["unit_page"])
        nomination.steps.create(action=Action.DRAFTED, user=user)
    return page
