"""An approved nomination becomes a model-unit page draft, once, which then goes through 法制审核.

The nomination itself goes through the legal review workflow (a Wagtail snippet workflow): the
reviewer's approval publishes it and, in the same transaction, drafts its page here.
"""
import logging

from django.db import transaction
from django.dispatch import receiver
from wagtail.log_actions import log
from wagtail.signals import workflow_approved

from .models import ModelUnitIndexPage, ModelUnitPage, Nomination

DRAFTED = "units.nomination.drafted"

logger = logging.getLogger(__name__)


def make_unit_draft(nomination, user):
    """Add an unpublished model-unit page for the nomination; None if it has one or has nowhere to go."""
    if nomination.unit_page_id:
        return None
    index_page = ModelUnitIndexPage.objects.first()
    if index_page is None:
        logger.warning("Nomination %s approved but no model units index exists for its page.", nomination.pk)
        return None
    with transaction.atomic():
        page = ModelUnitPage(
            title=nomination.unit_name, unit_name=nomination.unit_name, venue=nomination.venue,
            township=nomination.township, summary=nomination.reasons, live=False, owner=user,
        )
        index_page.add_child(instance=page)
        page.save_revision(user=user)
        nomination.unit_page = page
        nomination.save(update_fields=["unit_page"])
        log(instance=nomination, action=DRAFTED, user=user, data={"page": {"id": page.pk, "title": page.title}})
    return page


@receiver(workflow_approved, dispatch_uid="units-draft-approved-nomination")
def draft_page_of_approved_nomination(sender, instance, user=None, **kwargs):
    nomination = instance.content_object
    if isinstance(nomination, Nomination):
        make_unit_draft(nomination, user)
