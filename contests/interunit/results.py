"""Asking for a contest's final ranking to be published as a ContestResultsPage."""
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Site, WorkflowState

from .models import ContestResultsPage


@transaction.atomic
def request_results_publication(contest, user=None):
    """Save the contest's results page (created under its event page, else the site root) as a
    revision and submit it to the page's moderation workflow: a reviewer's approval publishes it,
    as for any page. Returns the page and its workflow state (None: no workflow covers the page)."""
    page = ContestResultsPage.objects.filter(contest=contest).first()
    if page is None:
        parent = contest.event_page or Site.objects.get(is_default_site=True).root_page
        page = ContestResultsPage(title=_("Results: %(title)s") % {"title": contest.title}, contest=contest,
                                  slug=f"contest-{contest.pk}-results", live=False)
        parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    state = page.current_workflow_state
    if state is None:
        workflow = page.get_workflow()
        state = workflow.start(page, user) if workflow else None
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    return page, state
