"""Publishing a contest's final ranking as a ContestResultsPage."""
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Site

from .models import ContestResultsPage


@transaction.atomic
def publish_results(contest, user=None):
    """Create (or republish) the contest's results page under its event page, else the site root."""
    page = ContestResultsPage.objects.filter(contest=contest).first()
    if page is None:
        parent = contest.event_page or Site.objects.get(is_default_site=True).root_page
        page = ContestResultsPage(title=_("Results: %(title)s") % {"title": contest.title}, contest=contest,
                                  slug=f"contest-{contest.pk}-results")
        parent.add_child(instance=page)
    # Hosts publish their own contest's results without page-tree rights; the log names them.
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    return page
